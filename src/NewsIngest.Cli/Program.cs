using NewsIngest.Cli;

return await NewsIngestCli.RunAsync(args);
