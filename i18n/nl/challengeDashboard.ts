export const challengeDashboard = {
  challengeDashboard: {},
};
