using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Tests.Infrastructure;

namespace FtpReplyAnalyzers.Tests.Flow;

/// <summary>How <see cref="GiveUp.Classify"/> says a point of the code ends an operation.</summary>
public class GiveUpTests
{
    private const string Template = """
using System;
using System.Collections.Generic;
using System.Net;
enum TransferResult { Success, Failed, Skipped }
class Log { public void Error(string message) { } public void Info(string message) { } }
class FtpControl
{
    private readonly Log log = new();
    int ReadReply() => 0;
    void Disconnect() { }

    RETURNTYPE Test(FtpWebResponse response, IEnumerable<string> lines)
    {
        int code = ReadReply();
        BODY
    }
}
""";

    private static GiveUpKind Classify(string body, string site, string returnType = "bool")
    {
        var fixture = OperationFixture.Of(Template.Replace("RETURNTYPE", returnType).Replace("BODY", body), site);
        return GiveUp.Classify(fixture.Operation, fixture.Recognizer);
    }

    [Fact]
    public void ThrowThatCarriesTheReplyCode()
        => Assert.Equal(GiveUpKind.ThrowWithReply, Classify("""if (code == 421) throw new InvalidOperationException("reply " + code); return true;""", "throw new InvalidOperationException(\"reply \" + code);"));

    [Fact]
    public void ThrowThatCarriesTheResponse()
        => Assert.Equal(GiveUpKind.ThrowWithReply, Classify("""if (code == 421) throw new InvalidOperationException(response.StatusDescription); return true;""", "throw new InvalidOperationException(response.StatusDescription);"));

    [Fact]
    public void ThrowThatCarriesNoReply()
        => Assert.Equal(GiveUpKind.Throw, Classify("""if (code == 421) throw new InvalidOperationException("upload failed"); return true;""", "throw new InvalidOperationException(\"upload failed\");"));

    [Fact]
    public void RethrowOfTheCaughtException()
        => Assert.Equal(GiveUpKind.ThrowWithReply, Classify("""try { return code == 0; } catch (WebException ex) { throw ex; }""", "throw ex;"));

    [Fact]
    public void WrappingTheCaughtException()
        => Assert.Equal(GiveUpKind.ThrowWithReply, Classify("""try { return code == 0; } catch (WebException ex) { throw new InvalidOperationException("failed", ex); }""", "throw new InvalidOperationException(\"failed\", ex);"));

    [Fact]
    public void BareRethrowIsNotAnEnd()
        => Assert.Equal(GiveUpKind.None, Classify("""try { return code == 0; } catch (WebException) { throw; }""", "throw;"));

    [Fact]
    public void ReturnFalse() => Assert.Equal(GiveUpKind.ReturnFailure, Classify("if (code == 421) return false; return true;", "return false;"));

    [Fact]
    public void ReturnNull() => Assert.Equal(GiveUpKind.ReturnFailure, Classify("if (code == 421) return null; return \"ok\";", "return null;", "string?"));

    [Fact]
    public void ReturnMinusOne() => Assert.Equal(GiveUpKind.ReturnFailure, Classify("if (code == 421) return -1; return code;", "return -1;", "int"));

    [Fact]
    public void ReturnEmptyString() => Assert.Equal(GiveUpKind.ReturnFailure, Classify("if (code == 421) return \"\"; return \"ok\";", "return \"\";", "string"));

    [Fact]
    public void ReturnFailedStatus()
        => Assert.Equal(GiveUpKind.ReturnFailure, Classify("if (code == 421) return TransferResult.Failed; return TransferResult.Success;", "return TransferResult.Failed;", "TransferResult"));

    [Fact]
    public void ReturnEmptyArray()
        => Assert.Equal(GiveUpKind.ReturnFailure, Classify("if (code == 550) return Array.Empty<string>(); return new[] { \"a\" };", "return Array.Empty<string>();", "string[]"));

    [Fact]
    public void ReturnNewEmptyList()
        => Assert.Equal(GiveUpKind.ReturnFailure, Classify("if (code == 550) return new List<string>(); return new List<string> { \"a\" };", "return new List<string>();", "List<string>"));

    [Fact]
    public void ReturnTaskFromResultFalse()
        => Assert.Equal(GiveUpKind.ReturnFailure, Classify("if (code == 421) return System.Threading.Tasks.Task.FromResult(false); return System.Threading.Tasks.Task.FromResult(true);", "return System.Threading.Tasks.Task.FromResult(false);", "System.Threading.Tasks.Task<bool>"));

    [Fact]
    public void ReturnTrue() => Assert.Equal(GiveUpKind.ReturnSuccess, Classify("if (code == 226) return true; return false;", "return true;"));

    [Fact]
    public void ReturnSuccessStatus()
        => Assert.Equal(GiveUpKind.ReturnSuccess, Classify("if (code == 226) return TransferResult.Success; return TransferResult.Failed;", "return TransferResult.Success;", "TransferResult"));

    [Fact]
    public void ReturnOfAnotherStatusIsNotAnEnd()
        => Assert.Equal(GiveUpKind.None, Classify("if (code == 226) return TransferResult.Skipped; return TransferResult.Failed;", "return TransferResult.Skipped;", "TransferResult"));

    [Fact]
    public void ReturnOfAPositiveNumberIsNotAnEnd() => Assert.Equal(GiveUpKind.None, Classify("if (code == 421) return 5; return code;", "return 5;", "int"));

    [Fact]
    public void FailureValueOfASwitchArmThatIsReturned()
        => Assert.Equal(GiveUpKind.ReturnFailure, Classify("return code switch { 421 => false, _ => true };", "false"));

    [Fact]
    public void BareReturnAfterClosingTheClient()
        => Assert.Equal(GiveUpKind.CloseAndReturn, Classify("if (code == 421) { Disconnect(); return; }", "return;", "void"));

    [Fact]
    public void BareReturnAloneIsNotAnEnd() => Assert.Equal(GiveUpKind.None, Classify("if (code == 421) { return; }", "return;", "void"));

    [Fact]
    public void BreakOutOfARetryLoop()
        => Assert.Equal(GiveUpKind.BreakOutOfLoop, Classify("for (var attempt = 0; attempt < 3; attempt++) { code = ReadReply(); if (code == 421) break; } return true;", "break;"));

    [Fact]
    public void BreakOutOfASwitchInALoopIsNotAnEnd()
        => Assert.Equal(GiveUpKind.None, Classify("while (true) { switch (code) { case 421: break; default: return true; } }", "break;"));

    [Fact]
    public void BreakOutOfAForeachOverItemsIsNotAnEnd()
        => Assert.Equal(GiveUpKind.None, Classify("foreach (var line in lines) { if (code == 421) break; } return true;", "break;"));

    [Fact]
    public void EnvironmentExit() => Assert.Equal(GiveUpKind.Exit, Classify("if (code == 421) Environment.Exit(1); return true;", "Environment.Exit(1)"));

    [Fact]
    public void ErrorLog() => Assert.Equal(GiveUpKind.LogError, Classify("if (code == 421) log.Error(\"failed\"); return true;", "log.Error(\"failed\")"));

    [Fact]
    public void ConsoleErrorWrite() => Assert.Equal(GiveUpKind.LogError, Classify("if (code == 421) Console.Error.WriteLine(\"failed\"); return true;", "Console.Error.WriteLine(\"failed\")"));

    [Fact]
    public void InformationLogIsNotAnEnd() => Assert.Equal(GiveUpKind.None, Classify("if (code == 421) log.Info(\"busy\"); return true;", "log.Info(\"busy\")"));

    [Fact]
    public void FtpWebResponseClose() => Assert.Equal(GiveUpKind.CloseResponse, Classify("if (code == 150) response.Close(); return true;", "response.Close()"));

    [Fact]
    public void ReturnDefault() => Assert.Equal(GiveUpKind.ReturnFailure, Classify("if (code == 421) return default; return true;", "return default;"));

    [Fact]
    public void FailureValueOfAConditionalThatIsReturned()
        => Assert.Equal(GiveUpKind.ReturnFailure, Classify("return code == 421 ? false : true;", "false"));

    [Fact]
    public void BreakOutOfAForeachOverARangeOfAttempts()
        => Assert.Equal(GiveUpKind.BreakOutOfLoop, Classify("foreach (var attempt in System.Linq.Enumerable.Range(0, 3)) { code = ReadReply(); if (code == 421) break; } return true;", "break;"));

    [Fact]
    public void BareReturnAfterClosingTheClientInASwitchSection()
        => Assert.Equal(GiveUpKind.CloseAndReturn, Classify("switch (code) { case 421: Disconnect(); return; }", "return;", "void"));
}
