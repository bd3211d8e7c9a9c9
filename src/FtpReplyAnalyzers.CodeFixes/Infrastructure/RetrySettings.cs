namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>What the retry fixes write: how many times to retry and the first delay of the exponential backoff.</summary>
internal sealed class RetrySettings
{
    public RetrySettings(int maxRetries, int firstDelayMilliseconds)
    {
        MaxRetries = maxRetries;
        FirstDelayMilliseconds = firstDelayMilliseconds;
    }

    public static RetrySettings Default { get; } = new(RetryOptions.MaxRetries.Default, RetryOptions.FirstDelayMilliseconds.Default);

    /// <summary>How many times a transient reply is retried before the code gives up as before.</summary>
    public int MaxRetries { get; }

    /// <summary>The first delay; each further retry waits twice as long.</summary>
    public int FirstDelayMilliseconds { get; }
}
