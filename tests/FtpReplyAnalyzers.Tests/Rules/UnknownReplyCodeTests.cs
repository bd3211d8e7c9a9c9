using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.UnknownReplyCode>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class UnknownReplyCodeTests
{
    [Fact]
    public async Task Message_suggests_the_code_with_the_same_digits()
    {
        var source = Snippets.InClass("""
    bool Aborted(FtpReply reply) => reply.Code == {|#0:"462"|};
""");
        await VerifyCS.VerifyAsync(source, new DiagnosticResult(RuleDescriptors.UnknownReplyCode).WithLocation(0)
            .WithArguments("462 is not an FTP reply code: no RFC defines it; did you mean 426 (connection closed; transfer aborted)?"));
    }

    [Fact]
    public async Task Message_names_the_winsock_error()
    {
        var source = Snippets.InClass("""
    bool Reset(int replyCode) => replyCode == {|#0:10054|};
""");
        await VerifyCS.VerifyAsync(source, new DiagnosticResult(RuleDescriptors.UnknownReplyCode).WithLocation(0)
            .WithArguments("10054 is a Winsock error (WSAECONNRESET: connection reset by peer), not an FTP reply code: test SocketException.SocketErrorCode instead"));
    }

    [Theory]
    [InlineData("""    bool A(FtpWebResponse r) => (int)r.StatusCode == {|FTPR0007:246|};""")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode == {|FTPR0007:(FtpStatusCode)462|};""")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code is "226" or {|FTPR0007:"299"|};""")]
    [InlineData("""    bool A(int replyCode) => replyCode != {|FTPR0007:700|};""")]
    [InlineData("""    bool A(int replyCode) => replyCode == {|FTPR0007:10060|};""")]
    [InlineData("""
    void A(FtpCommandException e)
    {
        switch (e.CompletionCode)
        {
            case {|FTPR0007:"555"|}:
                throw new IOException();
        }
    }
""")]
    [InlineData("""
    string A() => SendCommand("NOOP") switch
    {
        200 => "ok",
        {|FTPR0007:201|} => "?",
        _ => "no",
    };
""")]
    [InlineData("""
    void A()
    {
        int code = SendCommand("RETR a");
        if (code == {|FTPR0007:427|})
            throw new IOException();
    }
""")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code.Equals("226") || reply.Code == {|FTPR0007:"449"|};""")]
    [InlineData("""    bool A(FtpReply reply) => reply is { Code: {|FTPR0007:"520"|} };""")]
    public async Task Undefined_codes_are_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }

    [Theory]
    [InlineData("""    bool A(FtpWebResponse r) => (int)r.StatusCode == 226 || r.StatusCode == FtpStatusCode.FileActionOK;""")]
    [InlineData("""    bool A(int replyCode) => replyCode >= 400 && replyCode < 500;""")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code.StartsWith("4");""")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode is >= (FtpStatusCode)400 and < (FtpStatusCode)500;""")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode == FtpStatusCode.Undefined;""")]
    [InlineData("""    bool A(HttpWebResponse r) => (int)r.StatusCode == 299;""")]
    [InlineData("""    bool A(int count) => count == 462;""")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code == "" || reply.Code == "211";""")]
    public async Task Defined_codes_ranges_and_other_numbers_are_not_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }
}
