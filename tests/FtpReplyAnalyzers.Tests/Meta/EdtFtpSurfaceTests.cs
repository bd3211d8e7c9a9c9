using System.Linq;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>edtFTPnet's surface compiles beside FluentFTP's, with the usual snippet usings and both libraries used in one file.</summary>
public class EdtFtpSurfaceTests
{
    [Fact]
    public void Surface_compiles_with_the_FluentFtp_surface_and_a_snippet_using_both()
    {
        var snippet = "using EnterpriseDT.Net.Ftp;\n" + Snippets.InClass("""
    bool Both(FTPConnection connection, FTPClient client, FtpClient fluent)
    {
        var reply = connection.InvokeFTPCommand("STAT /");
        client.Quote("SITE CHMOD 644 a.txt", null);
        try
        {
            client.Get("local.bin", "remote.bin");
            fluent.DownloadFile("local.bin", "/remote.bin");
        }
        catch (FTPException ex) when (ex.ReplyCode / 100 == 4)
        {
            return false;
        }
        catch (FtpCommandException ex) when (ex.CompletionCode.StartsWith("4", StringComparison.Ordinal))
        {
            return false;
        }

        return reply.ReplyCode.StartsWith("2", StringComparison.Ordinal) && client.LastValidReply.ReplyText.Length > 0;
    }

    FTPReply Send(FTPControlSocket control) => control.ValidateReply(control.SendCommand("RNFR a"), "350");

    void Watch(FTPConnection connection) => connection.Uploaded += (sender, e) =>
    {
        if (!e.Succeeded && e.Exception is FTPException { ReplyCode: 452 })
            Console.WriteLine(e.RemoteFile);
    };
""");
        var compilation = AnalyzerRunner.Compile(new[]
        {
            ("Snippet.cs", snippet),
            ("FluentFtp.cs", FluentFtpSurface.Source),
            ("EdtFtp.cs", EdtFtpSurface.Source),
        });

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Empty(errors);
    }
}
