namespace Commentary.Tests.Http;

public class JsonAnswerTests
{
    private sealed record Sample(string Name, string Html, int Count);

    [Fact]
    public async Task A_stored_answer_writes_the_same_status_type_and_bytes_as_a_freshly_serialized_one()
    {
        var value = new Sample("Ann & Bob", "<p>It's \"fine\"</p>", 3);

        var fresh = await ResultExecution.ExecuteAsync(ApiJson.Ok(value));
        var stored = JsonAnswer.Of(value, "\"v1\"");
        var first = await ResultExecution.ExecuteAsync(stored);
        var second = await ResultExecution.ExecuteAsync(stored);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(fresh.ContentType, first.ContentType);
        Assert.Equal(fresh.Body, first.Body);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(Encoding.UTF8.GetByteCount(first.Body), int.Parse(first.Headers.ContentLength.ToString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("\"v1\"", stored.ETag);
    }
}
