import { seedDemoIfEmpty } from "../../demo/seedDemo.ts";
import { withDb, type Command } from "../command.ts";

export const seedDemoCommand: Command = {
  summary: "seed the demo region on an empty database and print its sign-in",
  usage:
    "Usage: npm run cli -- seed-demo\n\nOn a database without regions, creates the demo region and a platform administrator\nand prints the sign-in. Does nothing when regions exist.",
  options: {},
  async run() {
    await withDb(async ({ db }) => {
      const demo = await seedDemoIfEmpty(db);
      console.log(
        demo
          ? `Demo region "${demo.regionName}" created. Sign in with\n  e-mail:   ${demo.email}\n  password: ${demo.password}`
          : "The database already has regions; nothing seeded.",
      );
    });
  },
};
