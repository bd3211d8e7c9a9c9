using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using AsNumber = FtpReplyAnalyzers.Tests.Infrastructure.EdtFtpVerifier<FtpReplyAnalyzers.Rules.ReplyCodeAsNumber>;
using Completion = FtpReplyAnalyzers.Tests.Infrastructure.EdtFtpVerifier<FtpReplyAnalyzers.Rules.PositiveCompletionAsError>;
using Intermediate = FtpReplyAnalyzers.Tests.Infrastructure.EdtFtpVerifier<FtpReplyAnalyzers.Rules.IntermediateReplyAsError>;
using NegativeAsSuccess = FtpReplyAnalyzers.Tests.Infrastructure.EdtFtpVerifier<FtpReplyAnalyzers.Rules.NegativeReplyAsSuccess>;
using Permanent = FtpReplyAnalyzers.Tests.Infrastructure.EdtFtpVerifier<FtpReplyAnalyzers.Rules.PermanentReplyRetried>;
using Preliminary = FtpReplyAnalyzers.Tests.Infrastructure.EdtFtpVerifier<FtpReplyAnalyzers.Rules.PreliminaryReplyAsFinal>;
using Transient = FtpReplyAnalyzers.Tests.Infrastructure.EdtFtpVerifier<FtpReplyAnalyzers.Rules.TransientReplyGivenUp>;
using Unknown = FtpReplyAnalyzers.Tests.Infrastructure.EdtFtpVerifier<FtpReplyAnalyzers.Rules.UnknownReplyCode>;

namespace FtpReplyAnalyzers.Tests.Rules;

/// <summary>
/// The rules on edtFTPnet code (EnterpriseDT.Net.Ftp). Replies come as <c>FTPReply</c> (the code is a string,
/// <c>ReplyCode</c>) from <c>FTPConnection.InvokeFTPCommand</c>/<c>InvokeSiteCommand</c>, <c>FTPControlSocket.SendCommand</c>
/// and <c>LastValidReply</c>; the high-level calls (<c>Get</c>, <c>Put</c>, <c>Delete</c>, <c>DownloadFile</c>, ...) throw
/// <c>FTPException</c>, whose <c>ReplyCode</c> is an int (-1 when there is no reply), and <c>FTPConnectionClosedException</c> on 421.
/// </summary>
[Trait("Library", "edtFTPnet")]
public class EdtFtpTests
{
    private const string Usings = """
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EnterpriseDT.Net.Ftp;

""";

    private static string InClass(string members) => Usings + "class Transfers\n{\n" + members + "\n}\n";

    private static DiagnosticResult TransientAt(int marker, string subject, string action)
        => new DiagnosticResult(RuleDescriptors.TransientReplyGivenUp).WithLocation(marker).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments(subject, "it", action);

    // ---- FTPR0001: 4xx given up without retry ----

    [Fact]
    public async Task FTPR0001_catch_of_FTPException_filtered_on_450_returning_false_is_reported_with_catalog_message()
    {
        var source = InClass("""
    bool Download(FTPClient client, string remote)
    {
        try
        {
            client.Get("local.bin", remote);
            return true;
        }
        catch (FTPException ex) when (ex.ReplyCode == 450)
        {
            {|#0:return false;|}
        }
    }
""");
        await Transient.VerifyAsync(source, TransientAt(0, "Reply 450 (requested file action not taken; file unavailable) is a transient 4xx reply", "retry with a bounded backoff"));
    }

    [Theory]
    [InlineData("ex.ReplyCode == 426")]
    [InlineData("ex.ReplyCode / 100 == 4")]
    [InlineData("ex.ReplyCode >= 400 && ex.ReplyCode < 500")]
    [InlineData("ex.ReplyCode is 421 or 425")]
    [InlineData("ex.ReplyCode is >= 400 and < 500")]
    public async Task FTPR0001_catch_filters_on_the_int_ReplyCode_that_select_4xx_and_throw_are_reported(string filter)
    {
        var source = InClass($$"""
    void Download(FTPConnection connection, string remote)
    {
        try
        {
            connection.DownloadFile("local.bin", remote);
        }
        catch (FTPException ex) when ({{filter}})
        {
            {|FTPR0001:throw new InvalidOperationException("transfer failed");|}
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_test_of_FileTransferException_ReplyCode_in_the_catch_body_is_reported()
    {
        var source = InClass("""
    bool Upload(FTPClient client, string local, string remote)
    {
        try
        {
            client.Put(local, remote);
            return true;
        }
        catch (FileTransferException ex)
        {
            if (ex.ReplyCode == 451)
                {|FTPR0001:return false;|}
            throw;
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Theory]
    [InlineData("reply.ReplyCode == \"450\"")]
    [InlineData("reply.ReplyCode.StartsWith(\"4\", StringComparison.Ordinal)")]
    [InlineData("reply.ReplyCode[0] == '4'")]
    [InlineData("int.Parse(reply.ReplyCode) / 100 == 4")]
    [InlineData("reply.ReplyCode is \"421\" or \"450\"")]
    [InlineData("reply is { ReplyCode: \"450\" }")]
    public async Task FTPR0001_InvokeFTPCommand_reply_conditions_that_select_4xx_and_throw_are_reported(string condition)
    {
        var source = InClass($$"""
    void Delete(FTPConnection connection, string path)
    {
        FTPReply reply = connection.InvokeFTPCommand("DELE " + path);
        if ({{condition}})
            {|FTPR0001:throw new IOException("delete failed: " + path);|}
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_SendCommand_reply_tested_against_450_and_thrown_is_reported()
    {
        var source = InClass("""
    void Rename(FTPControlSocket control, string from)
    {
        var reply = control.SendCommand("RNFR " + from);
        if (reply.ReplyCode == "450")
        {
            {|FTPR0001:throw new IOException("file busy: " + from);|}
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_Quote_then_LastValidReply_starting_with_4_returning_false_is_reported()
    {
        var source = InClass("""
    bool Remove(FTPClient client, string path)
    {
        client.Quote("DELE " + path, null);
        if (client.LastValidReply.ReplyCode.StartsWith("4", StringComparison.Ordinal))
            {|FTPR0001:return false;|}
        return true;
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_unfiltered_catch_of_FTPException_around_a_transfer_is_reported()
    {
        var source = InClass("""
    bool Upload(FTPClient client, string local, string remote)
    {
        try
        {
            client.Put(local, remote);
            return true;
        }
        catch (FTPException ex)
        {
            Console.Error.WriteLine(ex.Message);
            {|FTPR0001:return false;|}
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_catch_all_around_FTPConnection_calls_is_reported()
    {
        var source = InClass("""
    bool Publish(FTPConnection connection, string local, string remote)
    {
        try
        {
            connection.UploadFile(local, remote);
            connection.RenameFile(remote, remote + ".done");
            return true;
        }
        catch (Exception)
        {
            {|FTPR0001:return false;|}
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_catch_of_FTPConnectionClosedException_returning_failure_is_not_reported()
    {
        // ValidateReply throws FTPConnectionClosedException for 421 (ReplyCode is -1): the connection is gone, nothing
        // can be retried on it; returning failure passes the reconnect to the connection's owner.
        var source = InClass("""
    bool Remove(FTPClient client, string path)
    {
        try
        {
            client.Delete(path);
            return true;
        }
        catch (FTPConnectionClosedException)
        {
            return false;
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_catch_of_FTPConnectionClosedException_that_exits_is_a_421_given_up()
    {
        var source = InClass("""
    void Remove(FTPClient client, string path)
    {
        try
        {
            client.Delete(path);
        }
        catch (FTPConnectionClosedException)
        {
            {|#0:Environment.Exit(3);|}
        }
    }
""");
        await Transient.VerifyAsync(source, TransientAt(0, "Reply 421 (service not available, closing control connection) is a transient 4xx reply", "reconnect, then retry with a bounded backoff; never retry on the same connection"));
    }

    [Fact]
    public async Task FTPR0001_catch_in_a_retry_loop_is_not_reported()
    {
        var source = InClass("""
    void Download(FTPClient client, string remote)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                client.Get("local.bin", remote);
                return;
            }
            catch (FTPException ex) when (ex.ReplyCode / 100 == 4 && attempt < 3)
            {
                Thread.Sleep(1000 * attempt);
            }
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_continue_in_a_retry_loop_on_an_InvokeFTPCommand_reply_is_not_reported()
    {
        var source = InClass("""
    void Delete(FTPConnection connection, string path)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var reply = connection.InvokeFTPCommand("DELE " + path);
            if (reply.ReplyCode == "450")
            {
                Thread.Sleep(1000 * attempt);
                continue;
            }

            return;
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_5xx_given_up_is_not_reported()
    {
        var source = InClass("""
    bool Download(FTPClient client, string remote)
    {
        try
        {
            client.Get("local.bin", remote);
            return true;
        }
        catch (FTPException ex) when (ex.ReplyCode == 550)
        {
            return false;
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_exceptions_that_carry_the_reply_or_the_cause_are_not_reported()
    {
        var source = InClass("""
    void Delete(FTPConnection connection, FTPClient client, string path)
    {
        var reply = connection.InvokeFTPCommand("DELE " + path);
        if (reply.ReplyCode == "450")
            throw new FTPException(reply);
        if (reply.ReplyCode == "421")
            throw new FTPException(reply.ReplyText, reply.ReplyCode);
        try
        {
            client.Get("local.bin", path);
        }
        catch (FTPException ex) when (ex.ReplyCode == 426)
        {
            throw new IOException("download failed", ex);
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_450_to_the_NLST_that_Dir_sends_is_an_empty_directory_and_not_reported()
    {
        var source = InClass("""
    string[] List(FTPClient client, string path)
    {
        try
        {
            return client.Dir(path);
        }
        catch (FTPException ex) when (ex.ReplyCode == 450)
        {
            return new string[0];
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_cancelled_transfer_is_no_reply_and_not_reported()
    {
        var source = InClass("""
    bool Download(FTPClient client, string remote)
    {
        try
        {
            client.Get("local.bin", remote);
            return true;
        }
        catch (FTPTransferCancelledException ex)
        {
            Console.WriteLine("cancelled after " + ex.BytesTransferred + " bytes");
            return false;
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_FTPException_caught_around_code_that_sends_no_FTP_command_is_not_reported()
    {
        var source = InClass("""
    void CheckSettings(string host)
    {
        if (string.IsNullOrEmpty(host))
            throw new FTPException("RemoteHost is not set.");
    }

    bool Ready(string host)
    {
        try
        {
            CheckSettings(host);
            File.Copy("settings.xml", "settings.bak", true);
            return true;
        }
        catch (FTPException)
        {
            return false;
        }
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_the_text_that_Quote_returns_is_no_reply_code_and_not_reported()
    {
        // FTPClient.Quote returns the reply's text (FTPReply.ReplyText), not its code.
        var source = InClass("""
    void Delete(FTPClient client, string path)
    {
        string reply = client.Quote("DELE " + path, null);
        if (reply == "450")
            throw new IOException("file busy: " + path);
    }
""");
        await Transient.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0001_numbers_that_are_no_reply_are_not_reported()
    {
        var source = InClass("""
    void Check(FTPClient client, FTPFile file, FTPTransferCancelledException cancelled)
    {
        if (client.ControlPort == 421)
            throw new InvalidOperationException("port");
        if (file.Size == 450)
            throw new IOException("size");
        if (cancelled.BytesTransferred == 426)
            throw new IOException("bytes");
    }
""");
        await Transient.VerifyAsync(source);
    }

    // ---- FTPR0002: 2xx handled as an error ----

    [Fact]
    public async Task FTPR0002_STAT_reply_tested_against_211_then_thrown_is_reported_with_catalog_message()
    {
        var source = InClass("""
    void CheckRoot(FTPConnection connection)
    {
        var reply = connection.InvokeFTPCommand("STAT /");
        if ({|#0:reply.ReplyCode != "211"|})
            throw new IOException(reply.ReplyText);
    }
""");
        await Completion.VerifyAsync(source, new DiagnosticResult(RuleDescriptors.PositiveCompletionAsError).WithLocation(0)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("Replies 212 (directory status) and 213 (file status) are positive completion replies to STAT", "them"));
    }

    [Fact]
    public async Task FTPR0002_Quote_of_STAT_then_LastValidReply_against_211_is_reported()
    {
        var source = InClass("""
    void Stat(FTPClient client, string path)
    {
        client.Quote("STAT " + path, null);
        if ({|FTPR0002:client.LastValidReply.ReplyCode != "211"|})
            throw new IOException(client.LastValidReply.ReplyText);
    }
""");
        await Completion.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0002_case_212_after_STAT_returning_false_is_reported()
    {
        var source = InClass("""
    bool Check(FTPControlSocket control, string path)
    {
        var reply = control.SendCommand("STAT " + path);
        switch (reply.ReplyCode)
        {
            case "211":
            case "213":
                return true;
            {|FTPR0002:case "212":|}
                return false;
            default:
                throw new FTPException(reply);
        }
    }
""");
        await Completion.VerifyAsync(source);
    }

    [Theory]
    [InlineData("!reply.ReplyCode.StartsWith(\"2\", StringComparison.Ordinal)")]
    [InlineData("reply.ReplyCode[0] != '2'")]
    [InlineData("reply.ReplyCode is not (\"211\" or \"212\" or \"213\")")]
    public async Task FTPR0002_category_tests_and_the_full_positive_set_after_STAT_are_not_reported(string condition)
    {
        var source = InClass($$"""
    void Stat(FTPConnection connection, string path)
    {
        var reply = connection.InvokeFTPCommand("STAT " + path);
        if ({{condition}})
            throw new IOException(reply.ReplyText);
    }
""");
        await Completion.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0002_exact_test_without_a_known_command_is_not_reported()
    {
        var source = InClass("""
    void Check(FTPReply reply)
    {
        if (reply.ReplyCode != "226")
            throw new FTPException(reply);
    }
""");
        await Completion.VerifyAsync(source);
    }

    // ---- FTPR0003: 5xx retried ----

    [Fact]
    public async Task FTPR0003_retry_loop_whose_catch_retries_FTPException_550_is_reported()
    {
        var source = InClass("""
    void Download(FTPClient client, string remote)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                client.Get("local.bin", remote);
                return;
            }
            catch (FTPException ex) when ({|FTPR0003:ex.ReplyCode == 550|})
            {
                Thread.Sleep(1000);
            }
        }
    }
""");
        await Permanent.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0003_retry_loop_whose_catch_retries_every_FTPException_is_reported()
    {
        var source = InClass("""
    void Download(FTPConnection connection, string remote)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                connection.DownloadFile("local.bin", remote);
                return;
            }
            catch {|FTPR0003:(FTPException ex)|}
            {
                Console.WriteLine(ex.Message);
                Thread.Sleep(1000);
            }
        }
    }
""");
        await Permanent.VerifyAsync(source);
    }

    [Theory]
    [InlineData("ex.ReplyCode >= 400")]
    [InlineData("ex.ReplyCode != 426")]
    public async Task FTPR0003_catch_filters_that_let_5xx_into_the_retry_are_reported(string filter)
    {
        var source = InClass($$"""
    void Upload(FTPClient client, string local, string remote)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                client.Put(local, remote);
                return;
            }
            catch (FileTransferException ex) when ({|FTPR0003:{{filter}}|})
            {
                Thread.Sleep(1000);
            }
        }
    }
""");
        await Permanent.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0003_continue_on_a_5xx_reply_is_reported()
    {
        var source = InClass("""
    void Delete(FTPConnection connection, string path)
    {
        while (true)
        {
            var reply = connection.InvokeFTPCommand("DELE " + path);
            if ({|FTPR0003:reply.ReplyCode.StartsWith("5", StringComparison.Ordinal)|})
            {
                Thread.Sleep(1000);
                continue;
            }

            return;
        }
    }
""");
        await Permanent.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0003_retry_of_4xx_only_and_5xx_that_leaves_the_loop_are_not_reported()
    {
        var source = InClass("""
    void Download(FTPClient client, string remote)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                client.Get("local.bin", remote);
                return;
            }
            catch (FTPException ex) when (ex.ReplyCode / 100 == 4)
            {
                Thread.Sleep(1000);
            }
            catch (FTPException ex) when (ex.ReplyCode == 550)
            {
                throw;
            }
        }
    }
""");
        await Permanent.VerifyAsync(source);
    }

    // ---- FTPR0004: 1xx taken as final ----

    [Fact]
    public async Task FTPR0004_150_to_RETR_returned_as_success_is_reported()
    {
        var source = InClass("""
    bool Retrieve(FTPControlSocket control, string name)
    {
        var reply = control.SendCommand("RETR " + name);
        if ({|FTPR0004:reply.ReplyCode == "150"|})
            return true;
        return false;
    }
""");
        await Preliminary.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0004_switch_arm_mapping_125_to_success_is_reported()
    {
        var source = InClass("""
    bool Done(FTPReply reply) => reply.ReplyCode switch
    {
        {|FTPR0004:"125"|} => true,
        "226" => true,
        _ => false,
    };
""");
        await Preliminary.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0004_1xx_only_logged_is_not_reported()
    {
        var source = InClass("""
    void Retrieve(FTPControlSocket control, string name)
    {
        var reply = control.SendCommand("RETR " + name);
        if (reply.ReplyCode == "150")
            Console.WriteLine("transfer starting: " + reply.ReplyText);
    }
""");
        await Preliminary.VerifyAsync(source);
    }

    // ---- FTPR0005: 3xx handled as an error ----

    [Fact]
    public async Task FTPR0005_RNFR_reply_required_to_be_250_is_reported()
    {
        var source = InClass("""
    void Rename(FTPConnection connection, string from)
    {
        var reply = connection.InvokeFTPCommand("RNFR " + from);
        if ({|FTPR0005:reply.ReplyCode != "250"|})
            throw new IOException("rename refused: " + reply.ReplyText);
    }
""");
        await Intermediate.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0005_RNFR_reply_required_to_start_with_2_is_reported()
    {
        var source = InClass("""
    void Rename(FTPControlSocket control, string from)
    {
        var reply = control.SendCommand("RNFR " + from);
        if ({|FTPR0005:!reply.ReplyCode.StartsWith("2", StringComparison.Ordinal)|})
            throw new FTPException(reply);
    }
""");
        await Intermediate.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0005_USER_reply_331_thrown_is_reported()
    {
        var source = InClass("""
    void Login(FTPConnection connection, string user)
    {
        var reply = connection.InvokeFTPCommand("USER " + user);
        if ({|FTPR0005:reply.ReplyCode == "331"|})
            throw new UnauthorizedAccessException("password required");
    }
""");
        await Intermediate.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0005_valid_codes_of_RNFR_without_350_are_reported()
    {
        // InvokeFTPCommand validates the reply against its valid codes and throws FTPException on any other
        // (on the first digit unless StrictReturnCodes): "250" alone turns RNFR's 350 into an exception.
        var source = InClass("""
    void Rename(FTPConnection connection, string from)
    {
        connection.InvokeFTPCommand("RNFR " + from, {|FTPR0005:"250"|});
    }
""");
        await Intermediate.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0005_RNFR_tested_against_its_350_and_the_library_Rename_are_not_reported()
    {
        var source = InClass("""
    void Rename(FTPConnection connection, FTPClient client, string from, string to)
    {
        var reply = connection.InvokeFTPCommand("RNFR " + from);
        if (reply.ReplyCode != "350")
            throw new FTPException(reply);
        connection.InvokeFTPCommand("RNTO " + to, "250");
        connection.InvokeFTPCommand("RNFR " + from, "350");
        client.Rename(from, to);
    }
""");
        await Intermediate.VerifyAsync(source);
    }

    [Fact]
    public async Task Accepted_code_lists_that_take_the_commands_replies_report_nothing_under_any_rule()
    {
        // Only the first digit of a listed code is compared: "211" accepts STAT's 212 and 213. The library's own throw
        // on a 4xx is not a give-up of the caller's (FTPR0001 looks where the caller handles the exception).
        var source = InClass("""
    void Maintain(FTPConnection connection, string path)
    {
        connection.InvokeFTPCommand("STAT " + path, "211");
        connection.InvokeFTPCommand("DELE " + path, "250");
        connection.InvokeFTPCommand("USER anonymous", "230", "331");
    }
""");
        await Completion.VerifyAsync(source);
        await Intermediate.VerifyAsync(source);
        await Transient.VerifyAsync(source);
        await Preliminary.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0005_accepted_codes_of_USER_without_331_are_reported_on_the_list()
    {
        var source = InClass("""
    void Login(FTPConnection connection, string user)
    {
        connection.InvokeFTPCommand("USER " + user, {|FTPR0005:"230"|});
    }
""");
        await Intermediate.VerifyAsync(source);
    }

    // ---- FTPR0006: 4xx/5xx treated as success ----

    [Fact]
    public async Task FTPR0006_550_to_DELE_accepted_beside_250_is_reported()
    {
        var source = InClass("""
    bool Delete(FTPConnection connection, string path)
    {
        var reply = connection.InvokeFTPCommand("DELE " + path);
        if (reply.ReplyCode == "250" || {|FTPR0006:reply.ReplyCode == "550"|})
            return true;
        return false;
    }
""");
        await NegativeAsSuccess.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0006_switch_arm_mapping_452_to_success_is_reported()
    {
        var source = InClass("""
    bool Stored(FTPReply reply) => reply.ReplyCode switch
    {
        "226" or {|FTPR0006:"452"|} => true,
        _ => false,
    };
""");
        await NegativeAsSuccess.VerifyAsync(source);
    }

    [Fact]
    public async Task FTPR0006_failure_return_on_550_and_502_to_FEAT_are_not_reported()
    {
        var source = InClass("""
    bool Delete(FTPClient client, string path)
    {
        try
        {
            client.Delete(path);
            return true;
        }
        catch (FTPException ex) when (ex.ReplyCode == 550)
        {
            return false;
        }
    }

    bool FeaturesAnswered(FTPConnection connection)
    {
        var reply = connection.InvokeFTPCommand("FEAT");
        if (reply.ReplyCode == "211" || reply.ReplyCode == "502")
            return true;
        return false;
    }
""");
        await NegativeAsSuccess.VerifyAsync(source);
    }

    // ---- FTPR0007: unknown reply code ----

    [Fact]
    public async Task FTPR0007_462_in_a_catch_filter_is_reported_with_catalog_message()
    {
        var source = InClass("""
    bool Download(FTPClient client, string remote)
    {
        try
        {
            client.Get("local.bin", remote);
            return true;
        }
        catch (FTPException ex) when (ex.ReplyCode == {|#0:462|})
        {
            throw;
        }
    }
""");
        await Unknown.VerifyAsync(source, new DiagnosticResult(RuleDescriptors.UnknownReplyCode).WithLocation(0)
            .WithArguments("462 is not an FTP reply code: no RFC defines it; did you mean 426 (connection closed; transfer aborted)?"));
    }

    [Theory]
    [InlineData("""    bool A(FTPReply reply) => reply.ReplyCode is "226" or {|FTPR0007:"299"|};""")]
    [InlineData("""    bool A(FTPException ex) => ex.ReplyCode == {|FTPR0007:10054|};""")]
    [InlineData("""    bool A(FTPConnection connection) => connection.LastValidReply.ReplyCode != {|FTPR0007:"246"|};""")]
    public async Task FTPR0007_undefined_codes_are_reported(string members)
    {
        await Unknown.VerifyAsync(InClass(members));
    }

    [Fact]
    public async Task FTPR0007_the_no_reply_value_and_numbers_that_are_no_reply_are_not_reported()
    {
        // FileTransferException.ReplyCode is -1 when the exception carries no reply.
        var source = InClass("""
    bool HasReply(FTPException ex) => ex.ReplyCode != -1 && ex.ReplyCode > 0;

    bool Slow(FTPClient client) => client.Timeout == 462;
""");
        await Unknown.VerifyAsync(source);
    }

    // ---- FTPR0008: only System.Net.FtpStatusCode has named members ----

    [Fact]
    public async Task FTPR0008_int_and_string_codes_of_edtFTPnet_are_not_reported()
    {
        var source = InClass("""
    bool Aborted(FTPException ex, FTPReply reply) => ex.ReplyCode == 426 || reply.ReplyCode == "426";
""");
        await AsNumber.VerifyAsync(source);
    }
}
