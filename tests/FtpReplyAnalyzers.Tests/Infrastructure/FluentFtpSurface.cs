namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>
/// A small copy of FluentFTP's public surface (names and shapes only), compiled with the test sources:
/// the package itself is not a test dependency.
/// </summary>
internal static class FluentFtpSurface
{
    public const string Source = """
namespace FluentFTP
{
    using System;
    using System.Threading;
    using System.Threading.Tasks;

    public enum FtpResponseType
    {
        None = 0,
        PositivePreliminary = 1,
        PositiveCompletion = 2,
        PositiveIntermediate = 3,
        TransientNegativeCompletion = 4,
        PermanentNegativeCompletion = 5,
    }

    public enum FtpStatus
    {
        Failed = 0,
        Success = 1,
        Skipped = 2,
    }

    public enum FtpVerify
    {
        None = 0,
        Retry = 1,
        Delete = 2,
        Throw = 4,
        OnlyChecksum = 8,
    }

    public enum FtpRemoteExists
    {
        NoCheck,
        Skip,
        Overwrite,
    }

    public struct FtpReply
    {
        public string Code { get; set; }
        public string Message { get; set; }
        public string InfoMessages { get; set; }
        public string ErrorMessage { get; }
        public bool Success { get; }
        public FtpResponseType Type { get; }
    }

    public class FtpConfig
    {
        public int RetryAttempts { get; set; }
    }

    public class FtpClient : IDisposable
    {
        public FtpClient(string host, string user, string pass) { }
        public FtpConfig Config { get; set; } = new FtpConfig();
        public FtpReply LastReply { get; }
        public void Connect() { }
        public void Disconnect() { }
        public FtpReply Execute(string command) => default;
        public FtpStatus DownloadFile(string localPath, string remotePath) => FtpStatus.Success;
        public FtpStatus UploadFile(string localPath, string remotePath, FtpRemoteExists existsMode = FtpRemoteExists.Overwrite, bool createRemoteDir = false, FtpVerify verifyOptions = FtpVerify.None) => FtpStatus.Success;
        public void DeleteFile(string path) { }
        public bool FileExists(string path) => true;
        public void Dispose() { }
    }

    public class AsyncFtpClient : IDisposable
    {
        public AsyncFtpClient(string host, string user, string pass) { }
        public FtpConfig Config { get; set; } = new FtpConfig();
        public Task Connect(CancellationToken token = default) => Task.CompletedTask;
        public Task Disconnect(CancellationToken token = default) => Task.CompletedTask;
        public Task<FtpReply> Execute(string command, CancellationToken token = default) => Task.FromResult(default(FtpReply));
        public Task<FtpStatus> DownloadFile(string localPath, string remotePath, CancellationToken token = default) => Task.FromResult(FtpStatus.Success);
        public Task<FtpStatus> UploadFile(string localPath, string remotePath, CancellationToken token = default) => Task.FromResult(FtpStatus.Success);
        public Task DeleteFile(string path, CancellationToken token = default) => Task.CompletedTask;
        public void Dispose() { }
    }
}

namespace FluentFTP.Exceptions
{
    using System;

    public class FtpException : Exception
    {
        public FtpException(string message) : base(message) { }
        public FtpException(string message, Exception innerException) : base(message, innerException) { }
    }

    public class FtpCommandException : FtpException
    {
        public FtpCommandException(string code, string message) : base(message) { CompletionCode = code; }
        public FtpCommandException(FluentFTP.FtpReply reply) : base(reply.ErrorMessage) { CompletionCode = reply.Code; }
        public string CompletionCode { get; private set; }
        public FluentFTP.FtpResponseType ResponseType { get; }
    }
}
""";
}
