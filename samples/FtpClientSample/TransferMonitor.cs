using System.Net;

namespace FtpClientSample;

/// <summary>Mistakes no code fix can settle: the author has to decide what the code should wait for or meant.</summary>
public static class TransferMonitor
{
    /// <summary>Right after GetResponse() a download's status is still 150: the transfer has not happened yet.</summary>
    public static bool Completed(FtpWebResponse response)
    {
        if (response.StatusCode == FtpStatusCode.OpeningData)
        {
            return true;
        }

        return response.StatusCode == FtpStatusCode.ClosingData;
    }

    /// <summary>462 is no FTP reply: the author meant 426.</summary>
    public static bool WasAborted(FtpWebResponse response) => (int)response.StatusCode == 462;
}
