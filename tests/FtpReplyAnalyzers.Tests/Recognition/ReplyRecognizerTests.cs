using FtpReplyAnalyzers.Recognition;
using FtpReplyAnalyzers.Tests.Infrastructure;

namespace FtpReplyAnalyzers.Tests.Recognition;

/// <summary>Which expressions <see cref="ReplyRecognizer"/> takes for FTP replies, of which kind, and which library says so.</summary>
public class ReplyRecognizerTests
{
    private static void AssertReply(OperationFixture fixture, ReplyValueKind kind, string? library)
    {
        var reply = fixture.Reply;
        Assert.NotNull(reply);
        Assert.Equal(kind, reply!.Kind);
        Assert.Equal(library, reply.Library?.Name);
    }

    #region Recognised

    [Fact]
    public void FtpStatusCodeOfAResponse()
    {
        const string source = """
using System.Net;
class Transfer
{
    bool Done(FtpWebResponse response) => response.StatusCode == FtpStatusCode.ClosingData;
}
""";
        AssertReply(OperationFixture.Of(source, "response.StatusCode"), ReplyValueKind.StatusCode, "System.Net");
    }

    [Fact]
    public void FtpStatusCodeCastToANumberStaysAStatusCode()
    {
        const string source = """
using System.Net;
class Transfer
{
    bool Done(FtpWebResponse response) => (int)response.StatusCode == 226;
}
""";
        AssertReply(OperationFixture.Of(source, "(int)response.StatusCode"), ReplyValueKind.StatusCode, "System.Net");
    }

    [Fact]
    public void FluentFtpReplyCodeIsText()
    {
        const string source = """
using FluentFTP;
class Job
{
    bool Run(FtpClient client)
    {
        var reply = client.Execute("NOOP");
        return reply.Code == "200";
    }
}
""";
        AssertReply(OperationFixture.Of(source, "reply.Code", FluentFtpSurface.Source), ReplyValueKind.Text, "FluentFTP");
    }

    [Fact]
    public void FluentFtpReplySuccessIsTheSuccessFlag()
    {
        const string source = """
using FluentFTP;
class Job
{
    bool Run(FtpClient client)
    {
        var reply = client.Execute("NOOP");
        return reply.Success;
    }
}
""";
        AssertReply(OperationFixture.Of(source, "reply.Success", FluentFtpSurface.Source), ReplyValueKind.SuccessFlag, "FluentFTP");
    }

    [Fact]
    public void FluentFtpResponseTypeIsTheCategory()
    {
        const string source = """
using FluentFTP;
class Job
{
    bool Run(FtpClient client)
    {
        var reply = client.Execute("NOOP");
        return reply.Type == FtpResponseType.TransientNegativeCompletion;
    }
}
""";
        AssertReply(OperationFixture.Of(source, "reply.Type", FluentFtpSurface.Source), ReplyValueKind.Category, "FluentFTP");
    }

    [Fact]
    public void FluentFtpCompletionCodeOfACommandException()
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
        catch (FtpCommandException ex) when (ex.CompletionCode == "550")
        {
            return false;
        }
    }
}
""";
        AssertReply(OperationFixture.Of(source, "ex.CompletionCode", FluentFtpSurface.Source), ReplyValueKind.Text, "FluentFTP");
    }

    [Fact]
    public void EdtFtpReplyCodeIsText()
    {
        const string source = """
using EnterpriseDT.Net.Ftp;
class Job
{
    bool Run(FTPConnection connection)
    {
        FTPReply reply = connection.InvokeFTPCommand("NOOP");
        return reply.ReplyCode == "200";
    }
}
""";
        AssertReply(OperationFixture.Of(source, "reply.ReplyCode", EdtFtpSurface.Source), ReplyValueKind.Text, "edtFTPnet");
    }

    [Fact]
    public void EdtFtpExceptionReplyCodeIsANumber()
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
        catch (FTPException ex) when (ex.ReplyCode == 550)
        {
            return false;
        }
    }
}
""";
        AssertReply(OperationFixture.Of(source, "ex.ReplyCode", EdtFtpSurface.Source), ReplyValueKind.Number, "edtFTPnet");
    }

    [Fact]
    public void HandWrittenIntNamedLikeAReplyCode()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    bool Stored()
    {
        int replyCode = ReadReply();
        return replyCode == 226;
    }
}
""";
        AssertReply(OperationFixture.Of(source, "replyCode"), ReplyValueKind.Number, null);
    }

    [Fact]
    public void HandWrittenStringNamedLikeAReplyCode()
    {
        const string source = """
class FtpControl
{
    string ReadLine() => "";

    bool Stored(string responseCode)
    {
        return responseCode == "226";
    }
}
""";
        AssertReply(OperationFixture.Of(source, "responseCode"), ReplyValueKind.Text, null);
    }

    [Fact]
    public void HandWrittenReaderCallReturningTheCode()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    bool Stored() => ReadReply() == 226;
}
""";
        AssertReply(OperationFixture.Of(source, "ReadReply()"), ReplyValueKind.Number, null);
    }

    [Fact]
    public void LocalInitialisedFromAReplyTakesItsKind()
    {
        const string source = """
using FluentFTP;
class Job
{
    bool Run(FtpClient client)
    {
        string text = client.Execute("NOOP").Code;
        return text == "421";
    }
}
""";
        AssertReply(OperationFixture.Of(source, "text", FluentFtpSurface.Source), ReplyValueKind.Text, null);
    }

    [Fact]
    public void LocalInitialisedFromAStatusCodeIsAStatusCode()
    {
        const string source = """
using System.Net;
class Transfer
{
    bool Done(FtpWebResponse response)
    {
        int value = (int)response.StatusCode;
        return /*here*/value == 226;
    }
}
""";
        AssertReply(OperationFixture.Of(source, "value"), ReplyValueKind.StatusCode, null);
    }

    [Fact]
    public void IntParseOfTheFirstThreeCharactersOfAReplyLine()
    {
        const string source = """
class FtpControl
{
    int Code(string line) => int.Parse(line.Substring(0, 3));
}
""";
        AssertReply(OperationFixture.Of(source, "int.Parse(line.Substring(0, 3))"), ReplyValueKind.Number, null);
    }

    [Fact]
    public void SubstringOfTheFirstThreeCharactersOfAReplyLine()
    {
        const string source = """
class FtpControl
{
    bool Transient(string line) => line.Substring(0, 3) == "421";
}
""";
        AssertReply(OperationFixture.Of(source, "line.Substring(0, 3)"), ReplyValueKind.Text, null);
    }

    [Fact]
    public void IntParseOfARangeOfAReplyLine()
    {
        const string source = """
class FtpControl
{
    int Code(string line) => int.Parse(line[..3]);
}
""";
        AssertReply(OperationFixture.Of(source, "int.Parse(line[..3])"), ReplyValueKind.Number, null);
    }

    [Fact]
    public void LocalInitialisedFromARangeOfAReplyLine()
    {
        const string source = """
class FtpControl
{
    bool Transient(string line)
    {
        var first = line[..3];
        return /*here*/first == "421";
    }
}
""";
        AssertReply(OperationFixture.Of(source, "first"), ReplyValueKind.Text, null);
    }

    [Fact]
    public void RangeOfTheFirstThreeCharactersOfAReplyLine()
    {
        const string source = """
class FtpControl
{
    bool Transient(string line) => line[..3] == "421";
}
""";
        AssertReply(OperationFixture.Of(source, "line[..3]"), ReplyValueKind.Text, null);
    }

    [Fact]
    public void LocalInitialisedFromAReplyLineSlice()
    {
        const string source = """
class FtpControl
{
    bool Transient(string line)
    {
        var first = line.Substring(0, 3);
        return /*here*/first == "421";
    }
}
""";
        AssertReply(OperationFixture.Of(source, "first"), ReplyValueKind.Text, null);
    }

    [Fact]
    public void AwaitedFluentFtpReplySuccess()
    {
        const string source = """
using System.Threading.Tasks;
using FluentFTP;
class Job
{
    async Task<bool> Run(AsyncFtpClient client) => (await client.Execute("NOOP")).Success;
}
""";
        AssertReply(OperationFixture.Of(source, "(await client.Execute(\"NOOP\")).Success", FluentFtpSurface.Source), ReplyValueKind.SuccessFlag, "FluentFTP");
    }

    [Fact]
    public void BareStatusMemberOfAReplyHolder()
    {
        const string source = """
class ServerResponse { public int Status; }
class FtpControl
{
    bool Stored(ServerResponse response) => response.Status == 226;
}
""";
        AssertReply(OperationFixture.Of(source, "response.Status"), ReplyValueKind.Number, null);
    }

    #endregion

    #region Not recognised

    [Fact]
    public void BareStatusMemberOfATypeThatSpeaksNoFtpIsNotAReply()
    {
        const string source = """
class Order { public int Status; }
class FtpControl
{
    bool Shipped(Order order) => order.Status == 226;
}
""";
        Assert.Null(OperationFixture.Of(source, "order.Status").Reply);
    }


    [Fact]
    public void HttpStatusCodeIsNeverAReply()
    {
        const string source = """
using System.Net;
using System.Net.Http;
class FtpAndHttp
{
    bool Ok(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.OK;
}
""";
        Assert.Null(OperationFixture.Of(source, "response.StatusCode").Reply);
    }

    [Fact]
    public void IntNamedLikeAReplyButInitialisedFromAnHttpStatusIsNotAReply()
    {
        const string source = """
using System.Net.Http;
class FtpAndHttp
{
    bool Ok(HttpResponseMessage response)
    {
        int code = (int)response.StatusCode;
        return /*here*/code == 200;
    }
}
""";
        Assert.Null(OperationFixture.Of(source, "code").Reply);
    }

    [Fact]
    public void IntNotNamedLikeAReplyInAFtpFileIsNotAReply()
    {
        const string source = """
class FtpControl
{
    bool Many(int count) => count == 226;
}
""";
        Assert.Null(OperationFixture.Of(source, "count").Reply);
    }

    [Fact]
    public void IntInAFileWithoutFtpIsNotAReply()
    {
        // The other file makes the compilation speak FTP; this one does not.
        const string source = """
class Orders
{
    bool Shipped(int code) => code == 226;
}
""";
        const string ftpFile = "class FtpControl { }";
        Assert.Null(OperationFixture.Of(source, "code", ftpFile).Reply);
    }

    [Fact]
    public void EdtFtpQuoteTextIsNotAReplyCode()
    {
        const string source = """
using EnterpriseDT.Net.Ftp;
class Job
{
    bool Run(FTPClient client)
    {
        string reply = client.Quote("SITE CHMOD 644 a", null);
        return /*here*/reply == "200";
    }
}
""";
        var fixture = OperationFixture.Of(source, "reply", EdtFtpSurface.Source);
        Assert.Null(fixture.Reply);
    }

    [Fact]
    public void EdtFtpQuoteCallIsNotAReplyCode()
    {
        const string source = """
using EnterpriseDT.Net.Ftp;
class Job
{
    string Run(FTPClient client) => client.Quote("SITE CHMOD 644 a", null);
}
""";
        Assert.Null(OperationFixture.Of(source, "client.Quote(\"SITE CHMOD 644 a\", null)", EdtFtpSurface.Source).Reply);
    }

    [Fact]
    public void EdtFtpSizeIsNotAReplyCode()
    {
        const string source = """
using EnterpriseDT.Net.Ftp;
class Job
{
    bool Run(FTPClient client)
    {
        long replyCode = client.Size("/a");
        return /*here*/replyCode == 550;
    }
}
""";
        Assert.Null(OperationFixture.Of(source, "replyCode", EdtFtpSurface.Source).Reply);
    }

    #endregion
}
