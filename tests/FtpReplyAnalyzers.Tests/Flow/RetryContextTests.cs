using System;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Tests.Infrastructure;

namespace FtpReplyAnalyzers.Tests.Flow;

/// <summary>Whether <see cref="RetryContext"/> says a give-up is retried, or retries first.</summary>
public class RetryContextTests
{
    private static bool IsRetried(string source, string site)
    {
        var fixture = OperationFixture.Of(source, site);
        return new RetryContext(fixture.Libraries).IsRetried(fixture.Operation, fixture.Block);
    }

    private static bool CallsRetryBefore(string source, string site)
    {
        var fixture = OperationFixture.Of(source, site);
        return new RetryContext(fixture.Libraries).CallsRetryBefore(fixture.Operation);
    }

    #region CallsRetryBefore

    [Fact]
    public void AContinueInTheBranchRetriesFirst()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    bool Store()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            int code = ReadReply();
            if (code == 421)
            {
                if (attempt < 2) continue;
                return false;
            }

            return true;
        }

        return true;
    }
}
""";
        Assert.True(CallsRetryBefore(source, "return false;"));
    }

    [Fact]
    public void AContinueInASwitchSectionRetriesFirst()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    bool Store()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            int code = ReadReply();
            switch (code)
            {
                case 421:
                    if (attempt < 2) continue;
                    return false;
                default:
                    return true;
            }
        }

        return true;
    }
}
""";
        Assert.True(CallsRetryBefore(source, "return false;"));
    }

    [Fact]
    public void AContinueOfANestedLoopDoesNotRetry()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    bool Store(string[] lines)
    {
        int code = ReadReply();
        if (code == 421)
        {
            foreach (var line in lines) { if (line.Length == 0) continue; }
            return false;
        }

        return true;
    }
}
""";
        Assert.False(CallsRetryBefore(source, "return false;"));
    }

    [Fact]
    public void ACallNamedRetryRetriesFirst()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;
    void ScheduleRetry() { }

    bool Store()
    {
        int code = ReadReply();
        if (code == 421)
        {
            ScheduleRetry();
            return false;
        }

        return true;
    }
}
""";
        Assert.True(CallsRetryBefore(source, "return false;"));
    }

    [Fact]
    public void AnotherCallDoesNotRetry()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;
    void Disconnect() { }

    bool Store()
    {
        int code = ReadReply();
        if (code == 421)
        {
            Disconnect();
            return false;
        }

        return true;
    }
}
""";
        Assert.False(CallsRetryBefore(source, "return false;"));
    }

    #endregion

    #region IsRetried

    private const string Helpers = """
using System;
class RetryPolicy { public void Execute(Action action) => action(); }
class Runner { public static void Run(Action action) => action(); public static void WithRetries(Action action) => action(); }
""";

    [Fact]
    public void ALambdaPassedToAPolicyExecute()
    {
        var source = Helpers + """
class FtpControl
{
    int ReadReply() => 0;

    void Store(RetryPolicy policy)
    {
        policy.Execute(() =>
        {
            int code = ReadReply();
            if (code == 421) throw new InvalidOperationException("busy");
        });
    }
}
""";
        Assert.True(IsRetried(source, "throw new InvalidOperationException(\"busy\");"));
    }

    [Fact]
    public void ALambdaPassedToAHelperNamedForRetries()
    {
        var source = Helpers + """
class FtpControl
{
    int ReadReply() => 0;

    void Store()
    {
        Runner.WithRetries(() =>
        {
            int code = ReadReply();
            if (code == 421) throw new InvalidOperationException("busy");
        });
    }
}
""";
        Assert.True(IsRetried(source, "throw new InvalidOperationException(\"busy\");"));
    }

    [Fact]
    public void ALambdaPassedToAnotherMethodIsNotRetried()
    {
        var source = Helpers + """
class FtpControl
{
    int ReadReply() => 0;

    void Store()
    {
        Runner.Run(() =>
        {
            int code = ReadReply();
            if (code == 421) throw new InvalidOperationException("busy");
        });
    }
}
""";
        Assert.False(IsRetried(source, "throw new InvalidOperationException(\"busy\");"));
    }

    [Fact]
    public void APrivateMethodEveryCallOfWhichSitsInARetryLoop()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    private bool TryStore()
    {
        int code = ReadReply();
        if (code == 421) return false;
        return true;
    }

    public void Store()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (TryStore()) return;
        }
    }

    public void StoreAgain()
    {
        var tries = 0;
        while (!TryStore() && ++tries < 5) { }
    }
}
""";
        Assert.True(IsRetried(source, "return false;"));
    }

    [Fact]
    public void AMethodWhoseOtherCallerPassesItsFailureUp()
    {
        // StoreOnce returns what TryStore answers: its own caller decides.
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    private bool TryStore()
    {
        int code = ReadReply();
        if (code == 421) return false;
        return true;
    }

    public void Store()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (TryStore()) return;
        }
    }

    public bool StoreOnce() => TryStore();
}
""";
        Assert.True(IsRetried(source, "return false;"));
    }

    [Theory]
    [InlineData("var ok = TryStore(); return ok ? \"stored\" : null;")]
    [InlineData("if (!TryStore()) throw new System.InvalidOperationException(); return \"stored\";")]
    [InlineData("bool ok; ok = TryStore(); Log(); return ok.ToString();")]
    public void AMethodWhoseCallerReturnsOrThrowsOnItsFailure(string callerBody)
    {
        var source = """
class FtpControl
{
    int ReadReply() => 0;
    void Log() { }

    private bool TryStore()
    {
        int code = ReadReply();
        if (code == 421) return false;
        return true;
    }

    public string StoreOnce()
    {
        BODY
    }
}
""".Replace("BODY", callerBody);
        Assert.True(IsRetried(source, "return false;"));
    }

    [Theory]
    [InlineData("TryStore(); Log();")]
    [InlineData("var ok = TryStore(); Log(ok);")]
    [InlineData("if (!TryStore()) Log(false);")]
    public void AMethodOneOfWhoseCallersDropsItsFailure(string droppingBody)
    {
        var source = """
class FtpControl
{
    int ReadReply() => 0;
    void Log(bool ok = true) { }

    private bool TryStore()
    {
        int code = ReadReply();
        if (code == 421) return false;
        return true;
    }

    public void Store()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (TryStore()) return;
        }
    }

    public void StoreAndForget()
    {
        BODY
    }
}
""".Replace("BODY", droppingBody);
        Assert.False(IsRetried(source, "return false;"));
    }

    [Fact]
    public void ALocalFunctionCalledInARetryLoop()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    void Store()
    {
        bool Attempt()
        {
            int code = ReadReply();
            if (code == 421) return false;
            return true;
        }

        for (var i = 0; i < 3; i++)
        {
            if (Attempt()) return;
        }
    }
}
""";
        Assert.True(IsRetried(source, "return false;"));
    }

    [Fact]
    public void APrivateMethodCalledForEachFileIsNotRetried()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    private bool TryStore(string file)
    {
        int code = ReadReply();
        if (code == 421) return false;
        return true;
    }

    public void StoreAll(string[] files)
    {
        foreach (var file in files)
        {
            TryStore(file);
        }
    }
}
""";
        Assert.False(IsRetried(source, "return false;"));
    }

    [Fact]
    public void AMethodNeverCalledIsNotRetried()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    public bool Store()
    {
        int code = ReadReply();
        if (code == 421) return false;
        return true;
    }
}
""";
        Assert.False(IsRetried(source, "return false;"));
    }

    #endregion
}
