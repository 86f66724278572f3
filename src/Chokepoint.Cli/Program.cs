using System.CommandLine;

var root = new RootCommand("Chokepoint: screen parties, items and shipments against sanctions and export-control lists.");
return await root.Parse(args).InvokeAsync();
