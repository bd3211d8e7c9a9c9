namespace FtpReplyAnalyzers;

/// <summary>The options of FTPR0001's retry fix: how many retries it writes and the first delay of the backoff.</summary>
internal static class RetryOptions
{
    public static readonly WholeNumberOption MaxRetries = new("dotnet_diagnostic.FTPR0001.max_retries", defaultValue: 3, minimum: 1, maximum: 100);

    public static readonly WholeNumberOption FirstDelayMilliseconds = new("dotnet_diagnostic.FTPR0001.first_delay_ms", defaultValue: 1000, minimum: 0, maximum: 3_600_000);
}
