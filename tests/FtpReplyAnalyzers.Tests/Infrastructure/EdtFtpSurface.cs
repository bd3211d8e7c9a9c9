namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>
/// A small copy of edtFTPnet's public surface (names and shapes only, from edtFTPnet 2.2.3), compiled with the
/// edtFTPnet test sources: the library itself is not a test dependency. Reply codes are strings on
/// <c>FTPReply.ReplyCode</c> and numbers on <c>FileTransferException.ReplyCode</c> (-1 when the exception
/// carries no reply). <c>IFileTransferClient</c> keeps its methods and a few properties; the events that only
/// report transfer progress are left out.
/// </summary>
internal static class EdtFtpSurface
{
    public const string Source = """
namespace EnterpriseDT.Net.Ftp
{
    using System;
    using System.IO;
    using System.Net;

    public enum FTPTransferType
    {
        ASCII = 1,
        BINARY = 2,
    }

    public enum FTPConnectMode
    {
        ACTIVE = 1,
        PASV = 2,
    }

    public enum FileTransferProtocol
    {
        FTP = 0,
        FTPSExplicit = 1,
        FTPSImplicit = 2,
        SFTP = 3,
        HTTP = 4,
        SCP = 6,
    }

    /// <summary>A server reply: the three-digit code as text, the text after it, and the lines of a multi-line reply.</summary>
    public class FTPReply
    {
        public FTPReply(string replyCode, string replyText) : this(replyCode, replyText, null) { }
        public FTPReply(string replyCode, string replyText, string[]? data) { }
        public virtual string ReplyCode { get => throw null!; }
        public virtual string ReplyText { get => throw null!; }
        public virtual string[] ReplyData { get => throw null!; }
    }

    public class FileTransferException : ApplicationException
    {
        public FileTransferException(string msg) : base(msg) { }
        public FileTransferException(string msg, Exception innerException) : base(msg, innerException) { }
        public FileTransferException(string msg, string replyCode) : base(msg) { }
        public FileTransferException(string msg, int replyCode) : base(msg) { }
        public int ReplyCode { get => throw null!; }
        public override string Message { get => throw null!; }
    }

    public class FTPException : FileTransferException
    {
        public FTPException(string msg) : base(msg) { }
        public FTPException(string msg, Exception innerException) : base(msg, innerException) { }
        public FTPException(string msg, string replyCode) : base(msg, replyCode) { }
        public FTPException(string msg, int replyCode) : base(msg, replyCode) { }
        public FTPException(FTPReply reply) : base(reply.ReplyText, reply.ReplyCode) { }
    }

    public class FTPAuthenticationException : FTPException
    {
        public FTPAuthenticationException(string msg) : base(msg) { }
        public FTPAuthenticationException(string msg, int replyCode) : base(msg, replyCode) { }
    }

    public class FTPTransferCancelledException : FTPException
    {
        public FTPTransferCancelledException(string message, long bytesTransferred) : base(message) { }
        public long BytesTransferred { get => throw null!; }
    }

    public class FTPConnectionClosedException : FTPException
    {
        public FTPConnectionClosedException(string message) : base(message) { }
    }

    public class MalformedReplyException : FTPException
    {
        public MalformedReplyException(string message) : base(message) { }
    }

    public class ControlChannelIOException : IOException
    {
        public ControlChannelIOException() { }
        public ControlChannelIOException(string message) : base(message) { }
    }

    public class FTPEventArgs : EventArgs
    {
        public int TaskID { get => throw null!; set => throw null!; }
    }

    public class FTPMessageEventArgs : FTPEventArgs
    {
        public FTPMessageEventArgs(string message) { }
        public string Message { get => throw null!; }
    }

    public delegate void FTPMessageHandler(object sender, FTPMessageEventArgs e);

    public class FTPErrorEventArgs : FTPEventArgs
    {
        internal FTPErrorEventArgs(Exception exception) { }
        public Exception Exception { get => throw null!; }
    }

    public delegate void FTPErrorEventHandler(object sender, FTPErrorEventArgs e);

    /// <summary>The arguments of FTPConnection's after-the-fact events: Exception is what the operation threw (an FTPException on a negative reply).</summary>
    public class FTPCancelableEventArgs : FTPEventArgs
    {
        protected FTPCancelableEventArgs(bool canBeCancelled, bool defaultCancelValue, Exception? ex) { }
        public virtual bool Cancel { get => throw null!; set => throw null!; }
        public bool Succeeded { get => throw null!; }
        public Exception Exception { get => throw null!; }
    }

    public class FTPFileTransferEventArgs : FTPCancelableEventArgs
    {
        internal FTPFileTransferEventArgs() : base(false, false, null) { }
        public string RemoteFile { get => throw null!; set => throw null!; }
        public string RemotePath { get => throw null!; }
        public string LocalPath { get => throw null!; set => throw null!; }
        public long BytesTransferred { get => throw null!; }
        public override bool Cancel { get => throw null!; set => throw null!; }
    }

    public delegate void FTPFileTransferEventHandler(object sender, FTPFileTransferEventArgs e);

    public class FTPFile
    {
        public string Name { get => throw null!; }
        public bool Dir { get => throw null!; }
        public long Size { get => throw null!; }
        public DateTime LastModified { get => throw null!; }
    }

    public delegate void FTPFileCallback(FTPFile file);

    /// <summary>The control connection: sends a command and reads its reply; ValidateReply throws FTPException on an unexpected one.</summary>
    public class FTPControlSocket
    {
        public const int CONTROL_PORT = 21;
        internal FTPControlSocket() { }
        public bool Connected { get => throw null!; }
        public virtual FTPReply SendCommand(string command) => throw null!;
        public virtual FTPReply ValidateReply(FTPReply reply, params string[] expectedReplyCodes) => throw null!;
    }

    public interface IFileTransferClient
    {
        int ControlPort { get; set; }
        bool IsConnected { get; }
        string RemoteHost { get; set; }
        int Timeout { get; set; }
        FTPTransferType TransferType { get; set; }
        string[] WelcomeMessage { get; }
        void Connect();
        void Quit();
        void QuitImmediately();
        void Get(Stream destStream, string remoteFile);
        void Get(string localPath, string remoteFile);
        byte[] Get(string remoteFile);
        void Put(byte[] bytes, string remoteFile);
        void Put(byte[] bytes, string remoteFile, bool append);
        void Put(string localPath, string remoteFile);
        void Put(string localPath, string remoteFile, bool append);
        long Put(Stream srcStream, string remoteFile);
        long Put(Stream srcStream, string remoteFile, bool append);
        void CdUp();
        void ChDir(string dir);
        string[] Dir();
        string[] Dir(string dirname, bool full);
        string[] Dir(string dirname);
        FTPFile[] DirDetails(string dirname);
        FTPFile[] DirDetails(string dirname, FTPFileCallback dirListCallback);
        FTPFile[] DirDetails();
        void MkDir(string dir);
        string Pwd();
        void RmDir(string dir);
        bool Exists(string remoteFile);
        void Delete(string remoteFile);
        DateTime ModTime(string remoteFile);
        void SetModTime(string remoteFile, DateTime modTime);
        void Rename(string from, string to);
        long Size(string remoteFile);
        void CancelResume();
        void CancelTransfer();
        void Resume();
        void ResumeDownload(long offset);
    }

    /// <summary>The low-level client: each call sends its commands and throws FTPException on a reply it does not expect.</summary>
    public class FTPClient : IFileTransferClient
    {
        public FTPClient() { }
        public FTPClient(string remoteHost) { }
        public FTPClient(string remoteHost, int controlPort) { }
        public FTPClient(string remoteHost, int controlPort, int timeout) { }
        public FTPClient(IPAddress remoteAddr) { }
        public FTPClient(IPAddress remoteAddr, int controlPort) { }
        public FTPClient(IPAddress remoteAddr, int controlPort, int timeout) { }

        public virtual string RemoteHost { get => throw null!; set => throw null!; }
        public int ControlPort { get => throw null!; set => throw null!; }
        public virtual int Timeout { get => throw null!; set => throw null!; }
        public bool StrictReturnCodes { get => throw null!; set => throw null!; }
        public bool Connected { get => throw null!; }
        public bool IsConnected { get => throw null!; }
        public FTPConnectMode ConnectMode { get => throw null!; set => throw null!; }
        public FTPTransferType TransferType { get => throw null!; set => throw null!; }
        public bool DeleteOnFailure { get => throw null!; set => throw null!; }
        public string[] WelcomeMessage { get => throw null!; }
        public FTPReply LastValidReply { get => throw null!; }

        public virtual event EventHandler? TransferStarted;
        public virtual event EventHandler? TransferComplete;
        public virtual event FTPMessageHandler? CommandSent;
        public virtual event FTPMessageHandler? ReplyReceived;
        public virtual event FTPErrorEventHandler? CommandError;

        public virtual void Connect() => throw null!;
        public virtual void Login(string user, string password) => throw null!;
        public virtual void User(string user) => throw null!;
        public virtual void Password(string password) => throw null!;
        public virtual void Account(string accountInfo) => throw null!;
        public virtual string Quote(string command, string[]? validCodes) => throw null!;
        public virtual long Size(string remoteFile) => throw null!;
        public virtual void Resume() => throw null!;
        public void ResumeDownload(long offset) => throw null!;
        public virtual void CancelResume() => throw null!;
        public virtual void CancelTransfer() => throw null!;
        public void Restart(long size) => throw null!;
        public virtual void Put(string localPath, string remoteFile) => throw null!;
        public virtual long Put(Stream srcStream, string remoteFile) => throw null!;
        public virtual void Put(string localPath, string remoteFile, bool append) => throw null!;
        public virtual long Put(Stream srcStream, string remoteFile, bool append) => throw null!;
        public virtual void Put(byte[] bytes, string remoteFile) => throw null!;
        public virtual void Put(byte[] bytes, string remoteFile, bool append) => throw null!;
        public void ValidateTransfer() => throw null!;
        public virtual void Get(string localPath, string remoteFile) => throw null!;
        public virtual void Get(Stream destStream, string remoteFile) => throw null!;
        public virtual byte[] Get(string remoteFile) => throw null!;
        public virtual bool Site(string command) => throw null!;
        public virtual FTPFile[] DirDetails() => throw null!;
        public virtual FTPFile[] DirDetails(string dirname) => throw null!;
        public virtual FTPFile[] DirDetails(string dirname, FTPFileCallback dirListItemCallback) => throw null!;
        public virtual string[] Dir() => throw null!;
        public virtual string[] Dir(string dirname) => throw null!;
        public virtual string[] Dir(string dirname, bool full) => throw null!;
        public virtual void Delete(string remoteFile) => throw null!;
        public virtual void Rename(string from, string to) => throw null!;
        public virtual void RmDir(string dir) => throw null!;
        public virtual void MkDir(string dir) => throw null!;
        public virtual void ChDir(string dir) => throw null!;
        public virtual void CdUp() => throw null!;
        public virtual bool Exists(string remoteFile) => throw null!;
        public virtual DateTime ModTime(string remoteFile) => throw null!;
        public virtual void SetModTime(string remoteFile, DateTime modTime) => throw null!;
        public virtual string Pwd() => throw null!;
        public virtual string[] Features() => throw null!;
        public virtual string GetSystem() => throw null!;
        public void NoOperation() => throw null!;
        public virtual string Help(string command) => throw null!;
        public virtual void Quit() => throw null!;
        public virtual void QuitImmediately() => throw null!;
        public virtual void KillControlChannel() => throw null!;
    }

    /// <summary>The higher-level component over FTPClient; its calls throw what FTPClient throws.</summary>
    public class FTPConnection : System.ComponentModel.Component
    {
        public FTPConnection() { }
        public FTPConnection(System.ComponentModel.IContainer container) { }

        public virtual FileTransferProtocol Protocol { get => throw null!; set => throw null!; }
        public virtual string ServerAddress { get => throw null!; set => throw null!; }
        public virtual int ServerPort { get => throw null!; set => throw null!; }
        public virtual string UserName { get => throw null!; set => throw null!; }
        public virtual string Password { get => throw null!; set => throw null!; }
        public virtual string AccountInfo { get => throw null!; set => throw null!; }
        public bool AutoLogin { get => throw null!; set => throw null!; }
        public bool StrictReturnCodes { get => throw null!; set => throw null!; }
        public virtual int Timeout { get => throw null!; set => throw null!; }
        public FTPConnectMode ConnectMode { get => throw null!; set => throw null!; }
        public virtual FTPTransferType TransferType { get => throw null!; set => throw null!; }
        public bool IsConnected { get => throw null!; }
        public virtual bool IsTransferring { get => throw null!; }
        public string ServerDirectory { get => throw null!; set => throw null!; }
        public FTPReply LastValidReply { get => throw null!; }
        public virtual string[] WelcomeMessage { get => throw null!; }

        public virtual event FTPMessageHandler? CommandSent;
        public virtual event FTPMessageHandler? ReplyReceived;
        public virtual event FTPFileTransferEventHandler? Uploaded;
        public virtual event FTPFileTransferEventHandler? Downloaded;
        public virtual event FTPFileTransferEventHandler? Deleted;

        public virtual void Connect() => throw null!;
        public void Close() => throw null!;
        public virtual void Close(bool abruptClose) => throw null!;
        public virtual void Login() => throw null!;
        public virtual void SendUserName(string user) => throw null!;
        public virtual void SendPassword(string loginPassword) => throw null!;
        public virtual void SendAccountInfo(string accountInfo) => throw null!;
        public virtual void CancelTransfer() => throw null!;
        public virtual void ResumeTransfer() => throw null!;
        public virtual void CancelResume() => throw null!;
        public virtual void UploadFile(string localPath, string remoteFile) => throw null!;
        public virtual void UploadFile(string localPath, string remoteFile, bool append) => throw null!;
        public virtual void UploadStream(Stream srcStream, string remoteFile) => throw null!;
        public virtual void UploadStream(Stream srcStream, string remoteFile, bool append) => throw null!;
        public virtual void UploadByteArray(byte[] bytes, string remoteFile) => throw null!;
        public virtual void UploadByteArray(byte[] bytes, string remoteFile, bool append) => throw null!;
        public virtual void DownloadFile(string localPath, string remoteFile) => throw null!;
        public virtual void DownloadStream(Stream destStream, string remoteFile) => throw null!;
        public virtual byte[] DownloadByteArray(string remoteFile) => throw null!;
        public virtual FTPReply InvokeSiteCommand(string command, params string[] arguments) => throw null!;
        public virtual FTPReply InvokeFTPCommand(string command, params string[] validCodes) => throw null!;
        public virtual string[] GetFeatures() => throw null!;
        public virtual string GetSystemType() => throw null!;
        public virtual string GetCommandHelp(string command) => throw null!;
        public virtual FTPFile[] GetFileInfos() => throw null!;
        public virtual FTPFile[] GetFileInfos(string directory) => throw null!;
        public virtual string[] GetFiles() => throw null!;
        public virtual string[] GetFiles(string directory) => throw null!;
        public virtual string[] GetFiles(string directory, bool full) => throw null!;
        public virtual void DeleteDirectory(string directory) => throw null!;
        public virtual void CreateDirectory(string directory) => throw null!;
        public virtual bool ChangeWorkingDirectory(string directory) => throw null!;
        public virtual bool ChangeWorkingDirectoryUp() => throw null!;
        public virtual bool DeleteFile(string remoteFile) => throw null!;
        public virtual bool RenameFile(string from, string to) => throw null!;
        public virtual long GetSize(string remoteFile) => throw null!;
        public virtual bool Exists(string remoteFile) => throw null!;
        public virtual bool DirectoryExists(string remoteDirectory) => throw null!;
        public virtual DateTime GetLastWriteTime(string remoteFile) => throw null!;
        public virtual void SetLastWriteTime(string remoteFile, DateTime lastWriteTime) => throw null!;
    }
}
""";
}
