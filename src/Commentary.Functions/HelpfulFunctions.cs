namespace Commentary.Functions;

/// <summary>A reader marks a comment "This helped"; the behaviour lives in <see cref="HelpfulEndpoints"/>.</summary>
public sealed class HelpfulFunctions(HelpfulEndpoints endpoints)
{
    [Function(FunctionNames.MarkCommentHelpful)]
    public Task<IResult> Mark([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.HelpfulMarks)] HttpRequest request, string slug, string id) =>
        endpoints.MarkAsync(request, slug, id);
}
