namespace Commentary.Tests.Http;

/// <summary><c>Location</c> headers are built from the route templates both hosts map, so they cannot drift apart.</summary>
public class RoutesTests
{
    [Fact]
    public void A_route_is_filled_in_order_under_the_api_prefix()
    {
        Assert.Equal("/api/articles/hello-world/comments/01HV3Z8Y9K2M4N6P8Q0R2S4T6V",
            Routes.Path(Routes.ArticleComment, "hello-world", "01HV3Z8Y9K2M4N6P8Q0R2S4T6V"));
        Assert.Equal("/api/moderation/bans/ip-abc", Routes.Path(Routes.Ban, "ip-abc"));
        Assert.Equal("/api/health", Routes.Path(Routes.Health));
    }

    [Fact]
    public void A_value_cannot_add_path_segments() =>
        Assert.Equal("/api/moderation/bans/a%2F..%2Fb", Routes.Path(Routes.Ban, "a/../b"));

    [Fact]
    public void Too_few_or_too_many_values_are_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => Routes.Path(Routes.ArticleComment, "hello-world"));
        Assert.Throws<ArgumentException>(() => Routes.Path(Routes.Article, "hello-world", "extra"));
    }
}
