using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.AnalyzerVerifier<FtpReplyAnalyzers.Rules.UnknownReplyCode>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class UnknownReplyCodeTests
{
    #region Reports

    [Fact]
    public async Task Message_suggests_the_code_with_the_same_digits()
    {
        var source = Snippets.InClass("""
    bool Aborted(FtpReply reply) => reply.Code == {|#0:"462"|};
""");
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.UnknownReplyCode, "462 is not an FTP reply code: no RFC defines it; did you mean 426 (connection closed; transfer aborted)?", 0));
    }

    [Fact]
    public async Task Message_names_the_winsock_error()
    {
        var source = Snippets.InClass("""
    bool Reset(int replyCode) => replyCode == {|#0:10054|};
""");
        await VerifyCS.VerifyAsync(source, VerifyCS.Diagnostic(DiagnosticIds.UnknownReplyCode, "10054 is a Winsock error (WSAECONNRESET: connection reset by peer), not an FTP reply code: test SocketException.SocketErrorCode instead", 0));
    }

    [Theory]
    [InlineData("""    bool A(FtpWebResponse r) => (int)r.StatusCode == {|#0:246|};""", "246 is not an FTP reply code: no RFC defines it; did you mean 426 (connection closed; transfer aborted)?")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode == {|#0:(FtpStatusCode)462|};""", "462 is not an FTP reply code: no RFC defines it; did you mean 426 (connection closed; transfer aborted)?")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code is "226" or {|#0:"299"|};""", "299 is not an FTP reply code: no RFC defines it; did you mean 257 (pathname created)?")]
    [InlineData("""    bool A(FtpReply reply) => string.Equals(reply.Code, {|#0:"251"|}, StringComparison.Ordinal);""", "251 is not an FTP reply code: no RFC defines it; did you mean 125 (data connection already open; transfer starting) or 215 (NAME system type)?")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code.Equals({|#0:"251"|});""", "251 is not an FTP reply code: no RFC defines it; did you mean 125 (data connection already open; transfer starting) or 215 (NAME system type)?")]
    [InlineData("""    bool A(int replyCode) => replyCode == {|#0:10060|};""", "10060 is a Winsock error (WSAETIMEDOUT: connection timed out), not an FTP reply code: test SocketException.SocketErrorCode instead")]
    [InlineData("""
    void A(FtpCommandException e)
    {
        switch (e.CompletionCode)
        {
            case {|#0:"555"|}:
                throw new IOException();
        }
    }
""", "555 is not an FTP reply code: no RFC defines it; did you mean 554 (requested action not taken: invalid REST parameter)?")]
    [InlineData("""
    string A() => SendCommand("NOOP") switch
    {
        200 => "ok",
        {|#0:201|} => "?",
        _ => "no",
    };
""", "201 is not an FTP reply code: no RFC defines it; did you mean 120 (service ready in nnn minutes)?")]
    [InlineData("""
    void A()
    {
        int code = SendCommand("RETR a");
        if (code == {|#0:427|})
            throw new IOException();
    }
""", "427 is not an FTP reply code: no RFC defines it; did you mean 426 (connection closed; transfer aborted)?")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code.Equals("226") || reply.Code == {|#0:"449"|};""", "449 is not an FTP reply code: no RFC defines it; did you mean 450 (requested file action not taken; file unavailable)?")]
    [InlineData("""    bool A(FtpReply reply) => reply is { Code: {|#0:"520"|} };""", "520 is not an FTP reply code: no RFC defines it; did you mean 250 (requested file action okay, completed) or 502 (command not implemented)?")]
    public async Task Undefined_codes_are_reported(string members, string message)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members), VerifyCS.Diagnostic(DiagnosticIds.UnknownReplyCode, message, 0));
    }

    #endregion

    #region Does not report

    [Theory]
    [InlineData("""    bool A(FtpWebResponse r) => (int)r.StatusCode == 226 || r.StatusCode == FtpStatusCode.FileActionOK;""")]
    [InlineData("""    bool A(int replyCode) => replyCode >= 400 && replyCode < 500;""")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code.StartsWith("4");""")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode is >= (FtpStatusCode)400 and < (FtpStatusCode)500;""")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode == FtpStatusCode.Undefined;""")]
    [InlineData("""    bool A(HttpWebResponse r) => (int)r.StatusCode == 299;""")]
    [InlineData("""    bool A(int count) => count == 462;""")]
    [InlineData("""    bool A(int replyCode) => replyCode != 700 && replyCode != -1 && replyCode != 0;""")]
    [InlineData("""    bool A(int replyCode) => replyCode == 2 || replyCode == 1000;""")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code == "99" || reply.Code == "7";""")]
    [InlineData("""    bool A(FtpReply reply) => reply.Code == "" || reply.Code == "211";""")]
    public async Task Defined_codes_ranges_and_other_numbers_are_not_reported(string members)
    {
        await VerifyCS.VerifyAsync(Snippets.InClass(members));
    }

    [Fact]
    public async Task A_three_character_slice_parsed_in_another_base_is_no_reply_code()
    {
        // A listing parser's file mode, in octal: 448 is rwx------, not a reply.
        var source = Snippets.Usings + """
class FtpListingEntry
{
    private int mode;

    public void Parse(string line) => mode = Convert.ToInt32(line.Substring(0, 3), 8);

    public bool IsPrivate() => mode == 448;
}
""";
        await VerifyCS.VerifyAsync(source);
    }

    #endregion
}
