using FtpReplyAnalyzers.Recognition;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Tests.Recognition;

/// <summary>Which command <see cref="CommandFinder.Find"/> says a reply answers.</summary>
public class CommandFinderTests
{
    /// <summary>The command the reply read at <paramref name="replyText"/> answers at the site <paramref name="site"/>.</summary>
    private static string? Find(string source, string replyText, string site, params string[] others)
    {
        var fixture = OperationFixture.Of(source, site, others);
        var replyOperation = fixture.At(replyText);
        if (replyOperation is IBinaryOperation comparison)
        {
            // A comparison names the reply it reads on its left.
            replyOperation = comparison.LeftOperand;
        }

        var reply = fixture.Recognizer.Recognize(replyOperation);
        Assert.NotNull(reply);
        return fixture.Block.Commands.Find(reply!, fixture.Operation);
    }

    [Fact]
    public void TheCommandTextArgumentOfTheCallThatProducedTheReply()
    {
        const string source = """
using FluentFTP;
class Job
{
    bool Run(FtpClient client)
    {
        var reply = client.Execute("RETR /a.txt");
        if (reply.Code == "550") return false;
        return true;
    }
}
""";
        Assert.Equal("RETR", Find(source, "reply.Code", "return false;", FluentFtpSurface.Source));
    }

    [Fact]
    public void TheMethodOfTheFtpWebRequest()
    {
        const string source = """
using System.Net;
class Transfer
{
    bool Run(string uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.UploadFile;
        using var response = (FtpWebResponse)request.GetResponse();
        if (response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailable) return false;
        return true;
    }
}
""";
        Assert.Equal("STOR", Find(source, "response.StatusCode", "return false;"));
    }

    [Fact]
    public void TheLastCommandSentBeforeTheRead()
    {
        const string source = """
class FtpControl
{
    void Send(string command) { }
    int ReadReply() => 0;

    bool Login()
    {
        Send("USER anonymous");
        int code = ReadReply();
        Send("PASS secret");
        code = ReadReply();
        if (code == 530) return false;
        return true;
    }
}
""";
        Assert.Equal("PASS", Find(source, "code == 530", "return false;"));
    }

    [Fact]
    public void AnEdtFtpCallNamesItsCommand()
    {
        const string source = """
using EnterpriseDT.Net.Ftp;
class Job
{
    bool Run(FTPClient client)
    {
        try
        {
            var names = client.Dir("/");
            return names.Length > 0;
        }
        catch (FTPException ex) when (ex.ReplyCode == 550)
        {
            return false;
        }
    }
}
""";
        Assert.Equal("NLST", Find(source, "ex.ReplyCode", "return false;", EdtFtpSurface.Source));
    }

    [Fact]
    public void NoCommandWhenTheCodeDoesNotSay()
    {
        const string source = """
class FtpControl
{
    int ReadReply() => 0;

    bool Check()
    {
        int code = ReadReply();
        if (code == 421) return false;
        return true;
    }
}
""";
        Assert.Null(Find(source, "code == 421", "return false;"));
    }

    [Fact]
    public void TheMethodOfTheRequestTheResponseCameFrom()
    {
        const string source = """
using System.Net;
class Transfer
{
    bool Run(string uri)
    {
        var upload = (FtpWebRequest)WebRequest.Create(uri);
        upload.Method = WebRequestMethods.Ftp.UploadFile;
        var delete = (FtpWebRequest)WebRequest.Create(uri);
        delete.Method = WebRequestMethods.Ftp.DeleteFile;
        using var response = (FtpWebResponse)upload.GetResponse();
        if (response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailable) return false;
        return true;
    }
}
""";
        Assert.Equal("STOR", Find(source, "response.StatusCode", "return false;"));
    }
}
