using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.TransientReplyGivenUpAnalyzer>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class TransientReplyGivenUpTests
{
    private const string Usings = """
using System;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FluentFTP;
using FluentFTP.Exceptions;

""";

    [Fact]
    public async Task FtpWebResponse_426_throw_is_reported_with_catalog_message()
    {
        var source = Usings + """
class Downloader
{
    void Download(Uri uri)
    {
        var request = (FtpWebRequest)WebRequest.Create(uri);
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        using var response = (FtpWebResponse)request.GetResponse();
        if (response.StatusCode == FtpStatusCode.ConnectionClosed)
        {
            {|#0:throw new IOException("Transfer aborted");|}
        }
    }
}
""";
        await VerifyCS.VerifyAsync(source, new DiagnosticResult(RuleDescriptors.TransientReplyGivenUp).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("Reply 426 (connection closed; transfer aborted) is a transient 4xx reply", "retry the transfer with a bounded backoff, resuming with REST"));
    }

    [Theory]
    [InlineData("reply.Code == \"426\"")]
    [InlineData("reply.Code.StartsWith(\"4\")")]
    [InlineData("reply.Type == FtpResponseType.TransientNegativeCompletion")]
    [InlineData("!reply.Success")]
    [InlineData("reply.Code is \"426\" or \"421\"")]
    [InlineData("int.Parse(reply.Code) >= 400")]
    [InlineData("int.Parse(reply.Code) / 100 == 4")]
    [InlineData("reply is { Code: \"425\" }")]
    public async Task FluentFtp_reply_conditions_that_select_4xx_and_throw(string condition)
    {
        var source = Usings + $$"""
class Transfers
{
    void Run(FtpClient client)
    {
        var reply = client.Execute("RETR data.csv");
        if ({{condition}})
            {|FTPR0001:throw new InvalidOperationException("FTP failed");|}
    }
}
""";
        await VerifyCS.VerifyAsync(source);
    }
}
