using Commentary.Server;

CommentaryServer.Build(args).Run();

/// <summary>Entry point of the self-host.</summary>
public partial class Program;
