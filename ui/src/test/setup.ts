// Tests render times in the computer's zone; pin it so "local time" differs from the
// conference's +08:00 and results don't depend on the machine.
process.env.TZ = "UTC";
