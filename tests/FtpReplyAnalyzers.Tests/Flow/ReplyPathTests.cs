using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Operations;
using static FtpReplyAnalyzers.Tests.Infrastructure.Codes;

namespace FtpReplyAnalyzers.Tests.Flow;

/// <summary>Which replies <see cref="ReplyPath"/> says reach a point of the code.</summary>
public class ReplyPathTests
{
    private const string Template = """
using System;
using System.Net;
class FtpControl
{
    int ReadReply() => 0;

    bool Test(bool enabled, int attempt)
    {
        int code = ReadReply();
        BODY
    }
}
""";

    private static ReplyPath? PathOf(string body, string site)
    {
        var fixture = OperationFixture.Of(Template.Replace("BODY", body), site);
        return ReplyPath.Of(fixture.Operation, fixture.Block);
    }

    [Fact]
    public void TheConditionAroundTheSite()
    {
        var path = PathOf("if (code >= 400 && code < 500) return false; return true;", "return false;");
        Assert.NotNull(path);
        SelectsExactly(path!.Selection, Range(400, 499));
        Assert.Null(path.CatchClause);
    }

    [Fact]
    public void TheElseBranchTakesTheRest()
    {
        var path = PathOf("if (code == 226) { return true; } else { return false; }", "return false;");
        SelectsExactly(path!.Selection, Of(226).Complement());
    }

    [Fact]
    public void GuardClausesBeforeTheSite()
    {
        var path = PathOf("""
if (code == 226) return true;
if (code / 100 == 5) return false;
throw new InvalidOperationException("unexpected");
""", "throw new InvalidOperationException(\"unexpected\");");
        SelectsExactly(path!.Selection, Of(226).Union(Range(500, 599)).Complement());
    }

    [Fact]
    public void GuardClauseNarrowsTheConditionAroundTheSite()
    {
        var path = PathOf("""
if (code == 421) return true;
if (code >= 400) { return false; }
return true;
""", "return false;");
        SelectsExactly(path!.Selection, Range(400, 699).Except(Of(421)));
    }

    [Fact]
    public void ATestOfSomethingElseInsideTheReplyTestSplitsThePath()
        => Assert.Null(PathOf("if (code == 421) { if (enabled) return false; } return true;", "return false;"));

    [Fact]
    public void ATestOfSomethingElseAroundTheReplyTestOnlyGatesIt()
    {
        var path = PathOf("if (enabled) { if (code == 421) return false; } return true;", "return false;");
        SelectsExactly(path!.Selection, Of(421));
    }

    [Fact]
    public void ATestOfTheAttemptCountAroundTheReplyTestSplitsThePath()
        => Assert.Null(PathOf("if (attempt >= 3) { if (code == 421) return false; } return true;", "return false;"));

    [Fact]
    public void AReplyTestAndAnotherTestInOneConditionSurelySelectsNothing()
    {
        var path = PathOf("if (code == 421 && enabled) return false; return true;", "return false;");
        Assert.NotNull(path);
        Selects(path!.Selection, ReplyCodeSet.Empty, Of(421));
    }

    [Fact]
    public void GuardClausesBeforeAReplyReadAgainDoNotCount()
        => Assert.Null(PathOf("""
if (code == 226) return true;
code = ReadReply();
throw new InvalidOperationException("unexpected");
""", "throw new InvalidOperationException(\"unexpected\");"));

    [Fact]
    public void GuardClausesAfterTheReplyIsReadAgainCount()
    {
        var path = PathOf("""
if (code == 226) return true;
code = ReadReply();
if (code == 250) return true;
throw new InvalidOperationException("unexpected");
""", "throw new InvalidOperationException(\"unexpected\");");
        SelectsExactly(path!.Selection, Of(250).Complement());
    }

    [Fact]
    public void NoReplyTestLeadsToTheSite() => Assert.Null(PathOf("if (enabled) return false; return true;", "return false;"));

    [Fact]
    public void ACatchOfTheReplyException()
    {
        const string source = """
using System.Net;
class Transfer
{
    bool Run(FtpWebRequest request)
    {
        try
        {
            using var response = (FtpWebResponse)request.GetResponse();
            return true;
        }
        catch (WebException)
        {
            return false;
        }
    }
}
""";
        var fixture = OperationFixture.Of(source, "return false;");
        var path = ReplyPath.Of(fixture.Operation, fixture.Block);
        Assert.NotNull(path);
        SelectsExactly(path!.Selection, Range(400, 599));
        Assert.Same(fixture.Enclosing<ICatchClauseOperation>(), path.CatchClause);
    }

    [Fact]
    public void AValueOfAConditionalExpression()
    {
        var fixture = OperationFixture.Of(Template.Replace("BODY", "return code == 421 ? false : true;"), "false");
        SelectsExactly(ReplyPath.Of(fixture.Operation, fixture.Block)!.Selection, Of(421));
    }

    [Fact]
    public void ASwitchSection()
    {
        var path = PathOf("switch (code) { case 421: return false; default: return true; }", "return false;");
        SelectsExactly(path!.Selection, Of(421));
    }

    [Fact]
    public void ALocalFunctionEndsThePath()
        => Assert.Null(PathOf("if (code == 421) { bool Inner() { return false; } return Inner(); } return true;", "return false;"));

    [Fact]
    public void ACatchWhoseFilterTestsTheReply()
    {
        const string source = """
using System;
using System.Net;
class Transfer
{
    bool Run(Func<int> read)
    {
        try
        {
            return read() > 0;
        }
        catch (WebException ex) when (ex.Response is FtpWebResponse { StatusCode: FtpStatusCode.ServiceNotAvailable })
        {
            return false;
        }
    }
}
""";
        var fixture = OperationFixture.Of(source, "return false;");
        var path = ReplyPath.Of(fixture.Operation, fixture.Block);
        Assert.NotNull(path);
        SelectsExactly(path!.Selection, Of(421));
    }

    [Fact]
    public void AnElseIfChainOfGuardClauses()
    {
        var path = PathOf("""
if (code == 226) return true;
else if (code == 250) return true;
throw new InvalidOperationException("unexpected");
""", "throw new InvalidOperationException(\"unexpected\");");
        Assert.NotNull(path);
        SelectsExactly(path!.Selection, Of(226, 250).Complement());
    }

    [Fact]
    public void GuardClausesBeforeAParameterReadAgainDoNotCount()
    {
        const string source = """
using System;
class FtpControl
{
    int ReadReply() => 0;

    bool Test(int code)
    {
        if (code == 226) return true;
        code = ReadReply();
        throw new InvalidOperationException("unexpected");
    }
}
""";
        var fixture = OperationFixture.Of(source, "throw new InvalidOperationException(\"unexpected\");");
        Assert.Null(ReplyPath.Of(fixture.Operation, fixture.Block));
    }

    [Fact]
    public void GuardClausesBeforeAFieldReadAgainDoNotCount()
    {
        const string source = """
using System;
class FtpControl
{
    private int _replyCode;

    int ReadReply() => 0;

    bool Test()
    {
        if (_replyCode == 226) return true;
        _replyCode = ReadReply();
        throw new InvalidOperationException("unexpected");
    }
}
""";
        var fixture = OperationFixture.Of(source, "throw new InvalidOperationException(\"unexpected\");");
        Assert.Null(ReplyPath.Of(fixture.Operation, fixture.Block));
    }

    [Fact]
    public void GuardClausesInASwitchSection()
    {
        var path = PathOf("""
switch (code / 100)
{
    case 4:
        if (code == 421) return true;
        throw new InvalidOperationException("unexpected");
    default:
        return true;
}
""", "throw new InvalidOperationException(\"unexpected\");");
        SelectsExactly(path!.Selection, Range(400, 499).Except(Of(421)));
    }
}
