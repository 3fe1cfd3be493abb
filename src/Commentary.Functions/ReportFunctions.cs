namespace Commentary.Functions;

/// <summary>A reader reports a published comment.</summary>
public sealed class ReportFunctions(ReportEndpoints endpoints)
{
    [Function(FunctionNames.ReportComment)]
    public Task<IResult> Report([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CommentReports)] HttpRequest request, string slug, string id) =>
        endpoints.ReportAsync(request, slug, id);
}
