using FtpReplyAnalyzers.Tests.Infrastructure;

namespace FtpReplyAnalyzers.Tests.Recognition;

/// <summary>More written forms of reply tests, each with the codes it surely selects (and may select: the same).</summary>
public class ConditionFormsTests
{
    private const string Method = """
using System;
using System.Net;
using FluentFTP;
class FtpTransfer
{
    bool Test(FtpWebResponse response, FtpClient client, int code, string line)
    {
        var reply = client.Execute("NOOP");
        return /*here*/CONDITION;
    }
}
""";

    [Theory]
    [InlineData("reply.Code != \"226\"", "100-225, 227-699")]
    [InlineData("reply.Code.StartsWith(\"4\") || reply.Code.StartsWith(\"5\")", "400-599")]
    [InlineData("!reply.Code.StartsWith(\"2\")", "100-199, 300-699")]
    [InlineData("reply.Code == \"421\" || reply.Code == \"425\"", "421, 425")]
    [InlineData("reply.Type is FtpResponseType.PermanentNegativeCompletion", "500-599")]
    [InlineData("reply is { Success: false }", "400-699")]
    [InlineData("(int)response.StatusCode is >= 400 and < 500", "400-499")]
    [InlineData("response.StatusCode is FtpStatusCode.ServiceNotAvailable or FtpStatusCode.CantOpenData", "421, 425")]
    [InlineData("line.StartsWith(\"4\", StringComparison.Ordinal)", "400-499")]
    [InlineData("code >= 400 && code <= 499", "400-499")]
    [InlineData("code > 399 && code < 500", "400-499")]
    [InlineData("500 > code", "100-499")]
    [InlineData("code / 100 >= 4", "400-699")]
    [InlineData("code / 100 < 3", "100-299")]
    [InlineData("(code >= 400 && code < 500) || code == 550", "400-499, 550")]
    [InlineData("code is not 226", "100-225, 227-699")]
    [InlineData("!(code is >= 200 and < 300) && code != 550", "100-199, 300-549, 551-699")]
    public void Selects(string condition, string codes)
    {
        var selection = OperationFixture.Of(Method.Replace("CONDITION", condition), condition, FluentFtpSurface.Source).Selection;
        Assert.True(selection.TestsReply, "the condition tests no reply");
        Assert.Equal("must " + codes + " / may " + codes, "must " + Codes.Describe(selection.Must) + " / may " + Codes.Describe(selection.May));
    }
}
