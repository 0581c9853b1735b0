export const challengeDigest = {
  challengeDigest: {},
};
