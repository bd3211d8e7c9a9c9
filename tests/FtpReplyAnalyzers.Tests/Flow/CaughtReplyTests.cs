using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Recognition;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Tests.Flow;

/// <summary>Whether <see cref="CaughtReply"/> says a catch clause receives the reply of an FTP call.</summary>
public class CaughtReplyTests
{
    private static ReplyExpression? Caught(string source, params string[] others)
    {
        var fixture = OperationFixture.Of(source, "return false;", others);
        return CaughtReply.Of(fixture.Enclosing<ICatchClauseOperation>(), fixture.Libraries);
    }

    private static string Method(string usings, string parameter, string tryBody, string catchClause) => $$"""
{{usings}}
class Job
{
    bool Run({{parameter}})
    {
        try
        {
            {{tryBody}}
            return true;
        }
        {{catchClause}}
        {
            return false;
        }
    }
}
""";

    private static void AssertCaught(ReplyExpression? caught)
    {
        Assert.NotNull(caught);
        Assert.Equal(ReplyValueKind.StatusCode, caught!.Kind);
    }

    [Fact]
    public void WebExceptionAroundGetResponse()
        => AssertCaught(Caught(Method("using System.Net;", "FtpWebRequest request", "using var response = (FtpWebResponse)request.GetResponse();", "catch (WebException ex)")));

    [Fact]
    public void BaseExceptionAroundGetResponse()
        => AssertCaught(Caught(Method("using System; using System.Net;", "FtpWebRequest request", "using var response = (FtpWebResponse)request.GetResponse();", "catch (Exception)")));

    [Fact]
    public void WebExceptionAroundNoFtpCallReceivesNothing()
        => Assert.Null(Caught(Method("using System.Net;", "FtpWebRequest request", "request.Method = WebRequestMethods.Ftp.UploadFile;", "catch (WebException)")));

    [Fact]
    public void UnrelatedExceptionAroundGetResponseReceivesNothing()
        => Assert.Null(Caught(Method("using System.IO; using System.Net;", "FtpWebRequest request", "using var response = (FtpWebResponse)request.GetResponse();", "catch (IOException)")));

    [Fact]
    public void CatchAllAroundAFluentFtpHighLevelCall()
        => AssertCaught(Caught(Method("using FluentFTP;", "FtpClient client", "client.DownloadFile(\"a\", \"/a\");", "catch"), FluentFtpSurface.Source));

    [Fact]
    public void ExceptionAroundAFluentFtpHighLevelCall()
        => AssertCaught(Caught(Method("using System; using FluentFTP;", "FtpClient client", "client.DeleteFile(\"/a\");", "catch (Exception)"), FluentFtpSurface.Source));

    [Fact]
    public void CatchAllAroundFluentFtpExecuteReceivesNothing()
        => Assert.Null(Caught(Method("using System; using FluentFTP;", "FtpClient client", "client.Execute(\"NOOP\");", "catch (Exception)"), FluentFtpSurface.Source));

    [Fact]
    public void UnrelatedExceptionAroundAFluentFtpCallReceivesNothing()
        => Assert.Null(Caught(Method("using System; using FluentFTP;", "FtpClient client", "client.DeleteFile(\"/a\");", "catch (InvalidOperationException)"), FluentFtpSurface.Source));

    [Fact]
    public void FtpCommandExceptionAlwaysCarriesAReply()
        => AssertCaught(Caught(Method("using FluentFTP.Exceptions;", "int ftpCount", "ftpCount++;", "catch (FtpCommandException)"), FluentFtpSurface.Source));

    [Fact]
    public void FtpExceptionAroundAnEdtFtpCall()
        => AssertCaught(Caught(Method("using EnterpriseDT.Net.Ftp;", "FTPClient client", "client.Delete(\"/a\");", "catch (FTPException ex)"), EdtFtpSurface.Source));

    [Fact]
    public void ExceptionAroundAnEdtFtpCall()
        => AssertCaught(Caught(Method("using System; using EnterpriseDT.Net.Ftp;", "FTPConnection connection", "connection.DownloadFile(\"a\", \"/a\");", "catch (Exception)"), EdtFtpSurface.Source));

    [Fact]
    public void ExceptionAroundAnEdtFtpCallThatDoesNotThrowOnAReplyReceivesNothing()
        => Assert.Null(Caught(Method("using System; using EnterpriseDT.Net.Ftp;", "FTPClient client", "client.Exists(\"/a\");", "catch (Exception)"), EdtFtpSurface.Source));

    [Fact]
    public void ExceptionAroundQuoteWithoutAcceptedCodesReceivesNothing()
        => Assert.Null(Caught(Method("using System; using EnterpriseDT.Net.Ftp;", "FTPClient client", "client.Quote(\"NOOP\", null);", "catch (Exception)"), EdtFtpSurface.Source));

    [Fact]
    public void ConnectionClosedAroundAnEdtFtpCallIsA421()
    {
        var source = Method("using EnterpriseDT.Net.Ftp;", "FTPClient client", "client.Delete(\"/a\");", "catch (FTPConnectionClosedException)");
        var fixture = OperationFixture.Of(source, "return false;", EdtFtpSurface.Source);
        var catchClause = fixture.Enclosing<ICatchClauseOperation>();
        var caught = CaughtReply.Of(catchClause, fixture.Libraries);
        AssertCaught(caught);
        Codes.SelectsExactly(fixture.Evaluator.EvaluateCatch(catchClause, caught!), Codes.Of(421));
    }
}
