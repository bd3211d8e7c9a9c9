using System.Linq;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static FtpReplyAnalyzers.Tests.Infrastructure.Codes;

namespace FtpReplyAnalyzers.Tests.Flow;

/// <summary>The facts <see cref="ReplyBlock.Compute"/> finds in one walk of a block.</summary>
public class ReplyBlockTests
{
    private const string Source = """
using System;
class FtpControl
{
    void Send(string command) { }
    int ReadReply() => 0;

    bool Store(bool verbose)
    {
        Send("STOR a.txt");
        int code = ReadReply();
        if (code == 421) return false;
        if (code == 226) return true;
        if (verbose) Console.WriteLine("done");
        throw new InvalidOperationException("unexpected reply " + code);
    }
}
""";

    [Fact]
    public void SitesAreTheEndsAReplyTestLeadsTo()
    {
        var block = OperationFixture.Of(Source, "return false;").Block;
        var sites = block.Sites.Select(s => (s.Operation.Syntax.ToString(), s.Kind)).ToArray();
        Assert.Equal(
            new[]
            {
                ("return false;", GiveUpKind.ReturnFailure),
                ("return true;", GiveUpKind.ReturnSuccess),
                ("throw new InvalidOperationException(\"unexpected reply \" + code);", GiveUpKind.ThrowWithReply),
            },
            sites);
    }

    [Fact]
    public void EachSiteHasItsPathAndCommand()
    {
        var block = OperationFixture.Of(Source, "return false;").Block;
        SelectsExactly(block.Sites[0].Path.Selection, Of(421));
        SelectsExactly(block.Sites[1].Path.Selection, Of(226));
        SelectsExactly(block.Sites[2].Path.Selection, Of(421, 226).Complement());
        Assert.All(block.Sites, s => Assert.Equal("STOR", s.Command));
    }

    [Fact]
    public void CodeTestsAndRetryPoints()
    {
        var block = OperationFixture.Of(Source, "return false;").Block;
        Assert.Equal(new[] { "code == 421", "code == 226" }, block.CodeTests.Select(o => o.Syntax.ToString()));
        Assert.Equal(new[] { "return false;", "return true;" }, block.RetryPoints.Select(o => o.Syntax.ToString()));
    }
}
