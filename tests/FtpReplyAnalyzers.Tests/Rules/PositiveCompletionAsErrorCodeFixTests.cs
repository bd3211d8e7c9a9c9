using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Rules;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.Verifier<FtpReplyAnalyzers.Rules.PositiveCompletionAsError, FtpReplyAnalyzers.CodeFixes.Rules.PositiveReplyAsErrorCodeFixProvider>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class PositiveCompletionAsErrorCodeFixTests
{
    #region Fixes

    [Fact]
    public async Task Exact_stat_check_becomes_a_category_check()
    {
        var source = """
using System.IO;
using FluentFTP;

class Checker
{
    void Stat(FtpClient client, string path)
    {
        var reply = client.Execute("STAT " + path);
        if ({|FTPR0002:reply.Code != "211"|}) // only a plain status is fine
            throw new IOException(reply.Message);
    }
}
""";
        var fixedSource = """
using System.IO;
using FluentFTP;

class Checker
{
    void Stat(FtpClient client, string path)
    {
        var reply = client.Execute("STAT " + path);
        if (reply.Type != FtpResponseType.PositiveCompletion) // only a plain status is fine
            throw new IOException(reply.Message);
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, PositiveReplyAsErrorCodeFixProvider.TreatAsSuccessKey);
    }

    [Fact]
    public async Task Status_success_test_after_RMD_becomes_a_category_check()
    {
        var source = """
using System;
using System.Net;

class Cleaner
{
    bool RemoveDirectory(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.RemoveDirectory;
        using var response = (FtpWebResponse)request.GetResponse();
        if ({|FTPR0002:response.StatusCode == FtpStatusCode.DirectoryStatus|})
            return true;
        return false;
    }
}
""";
        var fixedSource = """
using System;
using System.Net;

class Cleaner
{
    bool RemoveDirectory(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.RemoveDirectory;
        using var response = (FtpWebResponse)request.GetResponse();
        if ((int)response.StatusCode / 100 == 2)
            return true;
        return false;
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, PositiveReplyAsErrorCodeFixProvider.TreatAsSuccessKey);
    }

    [Fact]
    public async Task User_check_becomes_the_commands_full_positive_set()
    {
        var source = """
using System;

class FtpSession
{
    private int SendCommand(string command) => 331;

    public void Login(string user)
    {
        int code = SendCommand("USER " + user);
        if ({|FTPR0002:code != 331|})
            throw new UnauthorizedAccessException("login refused: " + code);
    }
}
""";
        var fixedSource = """
using System;

class FtpSession
{
    private int SendCommand(string command) => 331;

    public void Login(string user)
    {
        int code = SendCommand("USER " + user);
        if (code is not (230 or 331 or 332 or 232 or 336))
            throw new UnauthorizedAccessException("login refused: " + code);
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, PositiveReplyAsErrorCodeFixProvider.TreatAsSuccessKey);
    }

    [Fact]
    public async Task Explicit_2xx_test_is_removed_and_its_comments_kept()
    {
        var source = """
using System.IO;
using System.Net;

class Checker
{
    void Check(FtpWebResponse response)
    {
        // Directory listings must not report status.
        if ({|FTPR0002:response.StatusCode == FtpStatusCode.DirectoryStatus|})
        {
            // 212 means we hit a directory
            throw new IOException("unexpected status");
        }

        response.Close();
    }
}
""";
        var fixedSource = """
using System.IO;
using System.Net;

class Checker
{
    void Check(FtpWebResponse response)
    {
        // Directory listings must not report status.
        // 212 means we hit a directory
        response.Close();
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, PositiveReplyAsErrorCodeFixProvider.TreatAsSuccessKey);
    }

    [Fact]
    public async Task Explicit_2xx_disjunct_is_removed()
    {
        var source = """
using System.IO;
using System.Net;

class Checker
{
    void Check(FtpStatusCode status)
    {
        if ({|FTPR0002:status == FtpStatusCode.FileStatus|} || status == FtpStatusCode.ActionNotTakenFileUnavailable)
            throw new IOException("missing");
    }
}
""";
        var fixedSource = """
using System.IO;
using System.Net;

class Checker
{
    void Check(FtpStatusCode status)
    {
        if (status == FtpStatusCode.ActionNotTakenFileUnavailable)
            throw new IOException("missing");
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, PositiveReplyAsErrorCodeFixProvider.TreatAsSuccessKey);
    }

    [Fact]
    public async Task Case_label_moves_to_the_success_section()
    {
        var source = """
using FluentFTP;

class Checker
{
    bool IsOk(FtpReply reply)
    {
        switch (reply.Code)
        {
            case "211":
            case "213":
                return true;
            {|FTPR0002:case "212":|}
            case "450":
                return false;
            default:
                return false;
        }
    }
}
""";
        var fixedSource = """
using FluentFTP;

class Checker
{
    bool IsOk(FtpReply reply)
    {
        switch (reply.Code)
        {
            case "211":
            case "213":
            case "212":
                return true;
            case "450":
                return false;
            default:
                return false;
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, PositiveReplyAsErrorCodeFixProvider.TreatAsSuccessKey);
    }

    [Fact]
    public async Task Switch_arm_takes_the_success_value()
    {
        var source = """
using FluentFTP;

class Options
{
    bool Utf8Enabled(FtpReply reply) => reply.Code switch
    {
        "200" => true,
        {|FTPR0002:"202"|} => false, // superfluous
        _ => false,
    };
}
""";
        var fixedSource = """
using FluentFTP;

class Options
{
    bool Utf8Enabled(FtpReply reply) => reply.Code switch
    {
        "200" => true,
        "202" => true, // superfluous
        _ => false,
    };
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, PositiveReplyAsErrorCodeFixProvider.TreatAsSuccessKey);
    }

    [Fact]
    public async Task FixAll_rewrites_every_check_in_the_document()
    {
        var source = """
using System.IO;
using System.Net;

class Checker
{
    void Size(FtpWebResponse response)
    {
        if ({|FTPR0002:response.StatusCode == FtpStatusCode.FileStatus|})
            throw new IOException("a");
    }

    void Status(FtpWebResponse response)
    {
        if ({|FTPR0002:response.StatusCode == FtpStatusCode.DirectoryStatus|} || response.StatusCode == FtpStatusCode.NotLoggedIn)
            throw new IOException("b");
    }
}
""";
        var fixedSource = """
using System.IO;
using System.Net;

class Checker
{
    void Size(FtpWebResponse response)
    {
    }

    void Status(FtpWebResponse response)
    {
        if (response.StatusCode == FtpStatusCode.NotLoggedIn)
            throw new IOException("b");
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, PositiveReplyAsErrorCodeFixProvider.TreatAsSuccessKey, iterations: 2);
    }

    [Fact]
    public async Task Case_label_with_a_throwing_body_moves_to_the_break_section()
    {
        var source = """
using System;
using System.IO;

class FtpControl
{
    private int SendCommand(string command) => 212;

    public void CheckPath(string path)
    {
        int replyCode = SendCommand("STAT " + path);
        switch (replyCode)
        {
            case 211:
            case 213:
                break;
            {|FTPR0002:case 212:|}
                throw new InvalidOperationException("Unexpected directory status for " + path);
            default:
                throw new IOException($"STAT {path} failed with {replyCode}");
        }
    }
}
""";
        var fixedSource = """
using System;
using System.IO;

class FtpControl
{
    private int SendCommand(string command) => 212;

    public void CheckPath(string path)
    {
        int replyCode = SendCommand("STAT " + path);
        switch (replyCode)
        {
            case 211:
            case 213:
            case 212:
                break;
            default:
                throw new IOException($"STAT {path} failed with {replyCode}");
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, PositiveReplyAsErrorCodeFixProvider.TreatAsSuccessKey);
    }

    #endregion
}
