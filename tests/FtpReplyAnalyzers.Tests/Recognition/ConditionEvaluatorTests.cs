using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Recognition;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Operations;
using static FtpReplyAnalyzers.Tests.Infrastructure.Codes;

namespace FtpReplyAnalyzers.Tests.Recognition;

/// <summary>Which reply codes <see cref="ConditionEvaluator"/> says a condition selects, surely (Must) and possibly (May).</summary>
public class ConditionEvaluatorTests
{
    private const string StatusCodeMethod = """
using System.Net;
class Transfer
{
    bool Test(FtpWebResponse response, int retries)
    {
        return /*here*/CONDITION;
    }
}
""";

    private const string HandWrittenMethod = """
using System.Linq;
class FtpControl
{
    bool Test(int code, string line, int retries)
    {
        return /*here*/CONDITION;
    }
}
""";

    private const string FluentFtpMethod = """
using FluentFTP;
class Job
{
    bool Test(FtpClient client, int retries)
    {
        var reply = client.Execute("NOOP");
        return /*here*/CONDITION;
    }
}
""";

    private const string EdtFtpMethod = """
using EnterpriseDT.Net.Ftp;
class Job
{
    bool Test(FTPConnection connection)
    {
        FTPReply reply = connection.InvokeFTPCommand("NOOP");
        return /*here*/CONDITION;
    }
}
""";

    private static Selection Evaluate(string template, string condition, params string[] others)
        => OperationFixture.Of(template.Replace("CONDITION", condition), condition, others).Selection;

    private static ReplyCodeSet Transient => Range(400, 499);

    #region Comparisons per reply kind

    [Fact]
    public void StatusCodeEquals() => SelectsExactly(Evaluate(StatusCodeMethod, "response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailableOrBusy"), Of(450));

    [Fact]
    public void StatusCodeNotEquals()
        => SelectsExactly(Evaluate(StatusCodeMethod, "response.StatusCode != FtpStatusCode.ServiceNotAvailable"), Of(421).Complement());

    [Fact]
    public void StatusCodeCastLessThan() => SelectsExactly(Evaluate(StatusCodeMethod, "(int)response.StatusCode < 400"), Range(100, 399));

    [Fact]
    public void StatusCodeCastGreaterOrEqual() => SelectsExactly(Evaluate(StatusCodeMethod, "(int)response.StatusCode >= 500"), Range(500, 699));

    [Fact]
    public void StatusCodeConstantOnTheLeft() => SelectsExactly(Evaluate(StatusCodeMethod, "400 <= (int)response.StatusCode"), Range(400, 699));

    [Fact]
    public void StatusCodeRange()
        => SelectsExactly(Evaluate(StatusCodeMethod, "(int)response.StatusCode >= 400 && (int)response.StatusCode < 500"), Transient);

    [Fact]
    public void StatusCodeFirstDigit() => SelectsExactly(Evaluate(StatusCodeMethod, "(int)response.StatusCode / 100 == 4"), Transient);

    [Fact]
    public void HandWrittenFirstDigitNotEquals() => SelectsExactly(Evaluate(HandWrittenMethod, "code / 100 != 2"), Range(200, 299).Complement());

    [Fact]
    public void HandWrittenFirstTwoDigits() => SelectsExactly(Evaluate(HandWrittenMethod, "code / 10 == 42"), Range(420, 429));

    [Fact]
    public void HandWrittenOrPattern() => SelectsExactly(Evaluate(HandWrittenMethod, "code is 421 or 425"), Of(421, 425));

    [Fact]
    public void HandWrittenRelationalPattern() => SelectsExactly(Evaluate(HandWrittenMethod, "code is >= 400 and < 500"), Transient);

    [Fact]
    public void HandWrittenNotPattern() => SelectsExactly(Evaluate(HandWrittenMethod, "code is not (>= 200 and < 300)"), Range(200, 299).Complement());

    [Fact]
    public void Negation() => SelectsExactly(Evaluate(HandWrittenMethod, "!(code == 421)"), Of(421).Complement());

    [Fact]
    public void NegatedRange() => SelectsExactly(Evaluate(HandWrittenMethod, "!(code >= 400 && code < 600)"), Range(400, 599).Complement());

    [Fact]
    public void ReplyLineStartsWith() => SelectsExactly(Evaluate(HandWrittenMethod, "line.StartsWith(\"4\")"), Transient);

    [Fact]
    public void ReplyLineFirstCharacter() => SelectsExactly(Evaluate(HandWrittenMethod, "line[0] == '5'"), Range(500, 599));

    [Fact]
    public void FluentFtpCodeEquals() => SelectsExactly(Evaluate(FluentFtpMethod, "reply.Code == \"550\"", FluentFtpSurface.Source), Of(550));

    [Fact]
    public void FluentFtpCodeStartsWith() => SelectsExactly(Evaluate(FluentFtpMethod, "reply.Code.StartsWith(\"4\")", FluentFtpSurface.Source), Transient);

    [Fact]
    public void WebExceptionMessageNamingACode()
    {
        const string source = """
using System.Net;
class Transfer
{
    bool Run(FtpWebRequest request)
    {
        try
        {
            request.GetResponse();
            return true;
        }
        catch (WebException ex)
        {
            return /*here*/ex.Message.Contains("550");
        }
    }
}
""";
        SelectsExactly(OperationFixture.Of(source, "ex.Message.Contains(\"550\")").Selection, Of(550));
    }

    [Fact]
    public void FluentFtpCodeFirstCharacter() => SelectsExactly(Evaluate(FluentFtpMethod, "reply.Code[0] == '4'", FluentFtpSurface.Source), Transient);

    [Fact]
    public void FluentFtpSuccessFlag() => SelectsExactly(Evaluate(FluentFtpMethod, "reply.Success", FluentFtpSurface.Source), Range(100, 399));

    [Fact]
    public void FluentFtpSuccessFlagNegated() => SelectsExactly(Evaluate(FluentFtpMethod, "!reply.Success", FluentFtpSurface.Source), Range(400, 699));

    [Fact]
    public void FluentFtpSuccessFlagComparedWithFalse() => SelectsExactly(Evaluate(FluentFtpMethod, "reply.Success == false", FluentFtpSurface.Source), Range(400, 699));

    [Fact]
    public void FluentFtpCategory()
        => SelectsExactly(Evaluate(FluentFtpMethod, "reply.Type == FtpResponseType.TransientNegativeCompletion", FluentFtpSurface.Source), Transient);

    [Fact]
    public void FluentFtpCategoryAtLeast()
        => SelectsExactly(Evaluate(FluentFtpMethod, "reply.Type >= FtpResponseType.TransientNegativeCompletion", FluentFtpSurface.Source), Range(400, 699));

    [Fact]
    public void EdtFtpReplyCodeText() => SelectsExactly(Evaluate(EdtFtpMethod, "reply.ReplyCode == \"421\"", EdtFtpSurface.Source), Of(421));

    [Fact]
    public void ContainsOnAConstantArray() => SelectsExactly(Evaluate(HandWrittenMethod, "new[] { 421, 425, 450 }.Contains(code)"), Of(421, 425, 450));

    [Fact]
    public void PropertyPatternOnTheReplyHolder()
        => SelectsExactly(Evaluate(StatusCodeMethod, "response is { StatusCode: FtpStatusCode.ServiceNotAvailable or FtpStatusCode.CantOpenData }"), Of(421, 425));

    [Fact]
    public void PropertyPatternOnAFluentFtpReply()
        => SelectsExactly(Evaluate(FluentFtpMethod, "reply is { Code: \"421\" }", FluentFtpSurface.Source), Of(421));

    [Fact]
    public void ContainsOnAListInitializer()
        => SelectsExactly(Evaluate(HandWrittenMethod, "new System.Collections.Generic.List<int> { 421, 425 }.Contains(code)"), Of(421, 425));

    [Fact]
    public void ContainsOnAnArrayOfFirstDigits() => SelectsExactly(Evaluate(HandWrittenMethod, "new[] { 4, 5 }.Contains(code / 100)"), Range(400, 599));

    [Fact]
    public void EmptyReplyLineSelectsNoCode() => SelectsExactly(Evaluate(HandWrittenMethod, "string.IsNullOrEmpty(line)"), ReplyCodeSet.Empty);

    [Fact]
    public void HandWrittenTestInlinedFromItsOneExpressionBody()
    {
        const string source = """
class FtpReply
{
    public int Code { get; set; }
    public bool IsTransient => Code / 100 == 4;
}
class FtpControl
{
    bool Test(FtpReply reply) => reply.IsTransient;
}
""";
        SelectsExactly(OperationFixture.Of(source, "reply.IsTransient").Selection, Transient);
    }

    #endregion

    #region Must and May

    [Fact]
    public void BooleanThatTestsNoReplyIsUnknown()
    {
        var selection = Evaluate(HandWrittenMethod, "retries > 3");
        Assert.False(selection.TestsReply);
        Selects(selection, ReplyCodeSet.Empty, ReplyCodeSet.All);
    }

    [Fact]
    public void ReplyTestAndSomethingElseMaySelectButSurelySelectsNothing()
    {
        var selection = Evaluate(HandWrittenMethod, "code == 421 && retries < 3");
        Assert.True(selection.TestsReply);
        Selects(selection, ReplyCodeSet.Empty, Of(421));
    }

    [Fact]
    public void ReplyTestOrSomethingElseSurelySelectsTheReplyAndMaySelectAll()
    {
        var selection = Evaluate(HandWrittenMethod, "code == 421 || retries > 3");
        Assert.True(selection.TestsReply);
        Selects(selection, Of(421), ReplyCodeSet.All);
    }

    [Fact]
    public void NegatedMixedTestSwapsMustAndMay()
    {
        var selection = Evaluate(HandWrittenMethod, "!(code == 421 && retries < 3)");
        Selects(selection, Of(421).Complement(), ReplyCodeSet.All);
    }

    #endregion

    #region Switches and catches

    private const string SwitchStatement = """
class FtpControl
{
    int Test(int code)
    {
        switch (code)
        {
            case 421:
            case 425:
                return 1;
            case >= 500 and < 600:
                return 2;
            case 226:
                return 3;
            default:
                return 4;
        }
    }
}
""";

    [Fact]
    public void SwitchOnTheFirstDigit()
    {
        const string source = """
class FtpControl
{
    int Test(int code)
    {
        switch (code / 100)
        {
            case 4:
                return 1;
            default:
                return 2;
        }
    }
}
""";
        SelectsExactly(Section(source, "return 1;"), Transient);
        SelectsExactly(Section(source, "return 2;"), Transient.Complement());
    }

    private static Selection Section(string source, string returned)
    {
        var fixture = OperationFixture.Of(source, returned);
        return fixture.Evaluator.EvaluateSwitchSection(fixture.Enclosing<ISwitchOperation>(), fixture.Enclosing<ISwitchCaseOperation>());
    }

    [Fact]
    public void SwitchSectionWithTwoLabels() => SelectsExactly(Section(SwitchStatement, "return 1;"), Of(421, 425));

    [Fact]
    public void SwitchSectionWithAPattern() => SelectsExactly(Section(SwitchStatement, "return 2;"), Range(500, 599));

    [Fact]
    public void SwitchDefaultTakesWhatNoOtherSectionTakes()
        => SelectsExactly(Section(SwitchStatement, "return 4;"), Of(421, 425, 226).Union(Range(500, 599)).Complement());

    private const string SwitchExpression = """
class FtpControl
{
    string Test(int code) => code switch
    {
        // The guard tests the reply too (all of it): it keeps the compiler from rejecting the next arm as unreachable.
        >= 400 and < 500 when code != 0 => "transient",
        421 => "closing",
        >= 400 => "permanent",
        _ => "positive",
    };
}
""";

    private static Selection Arm(string value)
    {
        var fixture = OperationFixture.Of(SwitchExpression, value);
        return fixture.Evaluator.EvaluateSwitchArm(fixture.Enclosing<ISwitchExpressionOperation>(), fixture.Enclosing<ISwitchExpressionArmOperation>());
    }

    [Fact]
    public void SwitchArmFirst() => SelectsExactly(Arm("\"transient\""), Transient);

    [Fact]
    public void SwitchArmShadowedByAnEarlierArmSelectsNothing() => SelectsExactly(Arm("\"closing\""), ReplyCodeSet.Empty);

    [Fact]
    public void SwitchArmTakesWhatEarlierArmsLeft() => SelectsExactly(Arm("\"permanent\""), Range(500, 699));

    [Fact]
    public void SwitchDiscardArmTakesTheRest() => SelectsExactly(Arm("\"positive\""), Range(100, 399));

    private static Selection Catch(string source, string inHandler, params string[] others)
    {
        var fixture = OperationFixture.Of(source, inHandler, others);
        var catchClause = fixture.Enclosing<ICatchClauseOperation>();
        var caught = CaughtReply.Of(catchClause, fixture.Libraries);
        Assert.NotNull(caught);
        return fixture.Evaluator.EvaluateCatch(catchClause, caught!);
    }

    [Fact]
    public void CatchWithoutFilterReceivesTheNegativeReplies()
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
        SelectsExactly(Catch(source, "return false;"), Range(400, 599));
    }

    [Fact]
    public void CatchFilterNarrowsTheNegativeReplies()
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
        catch (WebException ex) when (ex.Response is FtpWebResponse { StatusCode: FtpStatusCode.ActionNotTakenFileUnavailable or FtpStatusCode.ServiceNotAvailable })
        {
            return false;
        }
    }
}
""";
        SelectsExactly(Catch(source, "return false;"), Of(550, 421));
    }

    [Fact]
    public void FluentFtpCatchFilterOnTheCompletionCode()
    {
        const string source = """
using FluentFTP;
using FluentFTP.Exceptions;
class Job
{
    bool Run(FtpClient client)
    {
        try
        {
            client.DeleteFile("/a");
            return true;
        }
        catch (FtpCommandException ex) when (ex.CompletionCode.StartsWith("4"))
        {
            return false;
        }
    }
}
""";
        SelectsExactly(Catch(source, "return false;", FluentFtpSurface.Source), Transient);
    }

    [Fact]
    public void EdtFtpConnectionClosedIsA421()
    {
        const string source = """
using EnterpriseDT.Net.Ftp;
class Job
{
    bool Run(FTPClient client)
    {
        try
        {
            client.Delete("/a");
            return true;
        }
        catch (FTPConnectionClosedException)
        {
            return false;
        }
    }
}
""";
        SelectsExactly(Catch(source, "return false;", EdtFtpSurface.Source), Of(421));
    }

    [Fact]
    public void EdtFtpCatchFilterOnTheReplyCodeNumber()
    {
        const string source = """
using EnterpriseDT.Net.Ftp;
class Job
{
    bool Run(FTPClient client)
    {
        try
        {
            client.Delete("/a");
            return true;
        }
        catch (FTPException ex) when (ex.ReplyCode >= 500)
        {
            return false;
        }
    }
}
""";
        SelectsExactly(Catch(source, "return false;", EdtFtpSurface.Source), Range(500, 599));
    }

    #endregion
}
