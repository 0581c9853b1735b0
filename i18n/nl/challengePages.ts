export const challengePages = {
  challengePages: {},
};
