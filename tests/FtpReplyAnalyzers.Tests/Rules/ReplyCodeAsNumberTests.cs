using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Rules;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.Verifier<FtpReplyAnalyzers.Rules.ReplyCodeAsNumber, FtpReplyAnalyzers.CodeFixes.Rules.ReplyCodeAsNumberCodeFixProvider>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class ReplyCodeAsNumberTests
{
    [Fact]
    public async Task Message_names_the_member()
    {
        var source = Snippets.InClass("""    bool A(FtpWebResponse r) => {|#0:(int)r.StatusCode == 426|};""");
        await VerifyCS.VerifyAnalyzerAsync(source, new DiagnosticResult(RuleDescriptors.ReplyCodeAsNumber).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
            .WithArguments("426", "ConnectionClosed"));
    }

    [Theory]
    [InlineData("""    bool A(FtpWebResponse r) => {|FTPR0008:(int)r.StatusCode == 226|};""")]
    [InlineData("""    bool A(FtpWebResponse r) => {|FTPR0008:550 != (int)r.StatusCode|};""")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode == {|FTPR0008:(FtpStatusCode)212|};""")]
    [InlineData("""    FtpStatusCode A() => {|FTPR0008:(FtpStatusCode)421|};""")]
    [InlineData("""
    void A(FtpWebResponse r)
    {
        switch ((int)r.StatusCode)
        {
            case {|FTPR0008:150|}:
                break;
        }
    }
""")]
    [InlineData("""    bool A(FtpStatusCode s) => {|FTPR0008:(int)s == 331|};""")]
    [InlineData("""    bool A(FtpWebResponse r) => {|FTPR0008:(long)r.StatusCode == 250L|} || {|FTPR0008:(int)r.StatusCode == 257|};""")]
    [InlineData("""    bool A(WebException e) => {|FTPR0008:(int)((FtpWebResponse)e.Response).StatusCode == 530|};""")]
    [InlineData("""    bool A(FtpWebResponse r) => r.StatusCode != {|FTPR0008:(FtpStatusCode)502|} && {|FTPR0008:(int)r.StatusCode != 500|};""")]
    [InlineData("""    object A() => new[] { {|FTPR0008:(FtpStatusCode)226|}, FtpStatusCode.FileActionOK };""")]
    public async Task Numbers_with_a_named_member_are_reported(string members)
    {
        await VerifyCS.VerifyAnalyzerAsync(Snippets.InClass(members));
    }

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
}
