export const challengePublic = {
  challengePublic: {},
};
