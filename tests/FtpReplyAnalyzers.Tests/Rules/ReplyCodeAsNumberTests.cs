using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Rules;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.Verifier<FtpReplyAnalyzers.Rules.ReplyCodeAsNumber, FtpReplyAnalyzers.CodeFixes.Rules.ReplyCodeAsNumberCodeFixProvider>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class ReplyCodeAsNumberTests
{
    #region Reports

    [Fact]
    public async Task Message_names_the_member()
    {
        var source = Snippets.InClass("""    bool A(FtpWebResponse r) => {|#0:(int)r.StatusCode == 426|};""");
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic(DiagnosticIds.ReplyCodeAsNumber, "Write 426 as FtpStatusCode.ConnectionClosed", 0)
            .WithSeverity(DiagnosticSeverity.Info));
    }

    [Theory]
    [InlineData("""    bool A(FtpWebResponse r) => {|#0:(int)r.StatusCode == 226|};""", "Write 226 as FtpStatusCode.ClosingData")]
    [InlineData("""    bool A(FtpWebResponse r) => {|#0:550 != (int)r.StatusCode|};""", "Write 550 as FtpStatusCode.ActionNotTakenFileUnavailable")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode == {|#0:(FtpStatusCode)212|};""", "Write 212 as FtpStatusCode.DirectoryStatus")]
    [InlineData("""    FtpStatusCode A() => {|#0:(FtpStatusCode)421|};""", "Write 421 as FtpStatusCode.ServiceNotAvailable")]
    [InlineData("""
    void A(FtpWebResponse r)
    {
        switch ((int)r.StatusCode)
        {
            case {|#0:150|}:
                break;
        }
    }
""", "Write 150 as FtpStatusCode.OpeningData")]
    [InlineData("""    bool A(FtpStatusCode s) => {|#0:(int)s == 331|};""", "Write 331 as FtpStatusCode.SendPasswordCommand")]
    [InlineData("""    bool A(WebException e) => {|#0:(int)((FtpWebResponse)e.Response).StatusCode == 530|};""", "Write 530 as FtpStatusCode.NotLoggedIn")]
    [InlineData("""    object A() => new[] { {|#0:(FtpStatusCode)226|}, FtpStatusCode.FileActionOK };""", "Write 226 as FtpStatusCode.ClosingData")]
    public async Task Numbers_with_a_named_member_are_reported(string members, string message)
    {
        await VerifyCS.VerifyAnalyzerAsync(Snippets.InClass(members), VerifyCS.Diagnostic(DiagnosticIds.ReplyCodeAsNumber, message, 0));
    }

    [Theory]
    [InlineData("""    bool A(FtpWebResponse r) => {|#0:(long)r.StatusCode == 250L|} || {|#1:(int)r.StatusCode == 257|};""", "Write 250 as FtpStatusCode.FileActionOK", "Write 257 as FtpStatusCode.PathnameCreated")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode != {|#0:(FtpStatusCode)502|} && {|#1:(int)r.StatusCode != 500|};""", "Write 502 as FtpStatusCode.CommandNotImplemented", "Write 500 as FtpStatusCode.CommandSyntaxError")]
    public async Task Two_numbers_in_one_expression_are_both_reported(string members, string first, string second)
    {
        await VerifyCS.VerifyAnalyzerAsync(
            Snippets.InClass(members),
            VerifyCS.Diagnostic(DiagnosticIds.ReplyCodeAsNumber, first, 0),
            VerifyCS.Diagnostic(DiagnosticIds.ReplyCodeAsNumber, second, 1));
    }

    #endregion

    #region Does not report

    [Theory]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode == FtpStatusCode.ConnectionClosed;""")]
    [InlineData("""    bool A(FtpWebResponse r) => (int)r.StatusCode == 211;""")]
    [InlineData("""    bool A(FtpWebResponse r) => (int)r.StatusCode >= 400;""")]
    [InlineData("""    bool A(FtpWebResponse r) => (int)r.StatusCode / 100 == 2;""")]
    [InlineData("""    FtpStatusCode A(int code) => (FtpStatusCode)code;""")]
    [InlineData("""    bool A(HttpWebResponse r) => (int)r.StatusCode == 426;""")]
    [InlineData("""    bool A(int replyCode) => replyCode == 426;""")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode == (FtpStatusCode)229;""")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode is >= (FtpStatusCode)400 and < (FtpStatusCode)500;""")]
    public async Task Named_members_and_unnamed_codes_are_not_reported(string members)
    {
        await VerifyCS.VerifyAnalyzerAsync(Snippets.InClass(members));
    }

    #endregion

    #region Fixes

    [Fact]
    public async Task Fix_uses_the_member_in_comparisons_casts_and_case_labels()
    {
        var source = Snippets.InClass("""
    bool A(FtpWebResponse r) => {|FTPR0008:(int)r.StatusCode == 426|} /* aborted */;

    FtpStatusCode B() => {|FTPR0008:(FtpStatusCode)421|};

    void C(FtpWebResponse r)
    {
        switch ((int)r.StatusCode)
        {
            case {|FTPR0008:150|}: // opening
                break;
        }
    }
""");
        var fixedSource = Snippets.InClass("""
    bool A(FtpWebResponse r) => r.StatusCode == FtpStatusCode.ConnectionClosed /* aborted */;

    FtpStatusCode B() => FtpStatusCode.ServiceNotAvailable;

    void C(FtpWebResponse r)
    {
        switch ((int)r.StatusCode)
        {
            case (int)FtpStatusCode.OpeningData: // opening
                break;
        }
    }
""");
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, ReplyCodeAsNumberCodeFixProvider.UseMemberKey, iterations: 3);
    }

    #endregion
}
