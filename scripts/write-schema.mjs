console.log("schema: pending");
