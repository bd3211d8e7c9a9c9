namespace FtpReplyAnalyzers.Catalog;

/// <summary>One reply code of the catalog.</summary>
public sealed class ReplyCodeInfo
{
    internal ReplyCodeInfo(int code, string source, string meaning, string situation, ReplyHandling handling, string advice)
    {
        Code = code;
        Text = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Source = source;
        Meaning = meaning;
        Situation = situation;
        Handling = handling;
        Advice = advice;
        _display = Text + " (" + meaning + ")";
    }

    // What ToString gives, made once: messages name codes this way many times over.
    private readonly string _display;

    /// <summary>The three-digit code.</summary>
    public int Code { get; }

    /// <summary>The code as text ("426").</summary>
    public string Text { get; }

    /// <summary>The category: the first digit.</summary>
    public ReplyCategory Category => (ReplyCategory)(Code / 100);

    /// <summary>The function group: the second digit.</summary>
    public ReplyGroup Group => (ReplyGroup)(Code / 10 % 10);

    /// <summary>The RFCs (or "de facto") that define the code.</summary>
    public string Source { get; }

    /// <summary>A short meaning, lower case, suitable inside a sentence.</summary>
    public string Meaning { get; }

    /// <summary>When the reply is typically seen.</summary>
    public string Situation { get; }

    /// <summary>The recommended handling.</summary>
    public ReplyHandling Handling { get; }

    /// <summary>What to do, as an imperative clause ("retry the transfer with a bounded backoff, resuming with REST").</summary>
    public string Advice { get; }

    public override string ToString() => _display;
}

/// <summary>A category rule: what the first digit tells the client to do.</summary>
public sealed class CategoryRule
{
    internal CategoryRule(ReplyCategory category, string name, string clientAction, string fixRule)
    {
        Category = category;
        Name = name;
        ClientAction = clientAction;
        FixRule = fixRule;
    }

    public ReplyCategory Category { get; }

    /// <summary>The RFC name ("Transient Negative Completion").</summary>
    public string Name { get; }

    /// <summary>What the client must do.</summary>
    public string ClientAction { get; }

    /// <summary>What a code fix does for this category.</summary>
    public string FixRule { get; }

    /// <summary>"4xx" and so on.</summary>
    public string Digit => ((int)Category).ToString(System.Globalization.CultureInfo.InvariantCulture) + "xx";
}

/// <summary>The replies one FTP command may get (RFC 959 section 5.4 and later RFCs).</summary>
public sealed class CommandReplies
{
    internal CommandReplies(string command, int[] positive, int[] negative)
    {
        Command = command;
        Positive = positive;
        Negative = negative;
        PositiveSet = ReplyCodeSet.Of(positive);
    }

    /// <summary>The command verb, upper case ("STAT"), or "greeting".</summary>
    public string Command { get; }

    /// <summary>Positive replies, preliminary and intermediate ones included, in catalog order.</summary>
    public System.Collections.Generic.IReadOnlyList<int> Positive { get; }

    /// <summary><see cref="Positive"/> as a set.</summary>
    public ReplyCodeSet PositiveSet { get; }

    /// <summary>The common negative replies.</summary>
    public System.Collections.Generic.IReadOnlyList<int> Negative { get; }

    /// <summary>True when <paramref name="code"/> is one of the command's positive replies.</summary>
    public bool IsPositive(int code) => PositiveSet.Contains(code);
}

/// <summary>A negative reply that a command expects in normal operation (not a failure).</summary>
public sealed class ExpectedNegative
{
    internal ExpectedNegative(string command, int[] codes, string reason)
    {
        Command = command;
        Codes = codes;
        Reason = reason;
    }

    /// <summary>The command verb.</summary>
    public string Command { get; }

    /// <summary>The replies that are expected.</summary>
    public System.Collections.Generic.IReadOnlyList<int> Codes { get; }

    /// <summary>Why they are expected.</summary>
    public string Reason { get; }

    /// <summary>True when <paramref name="code"/> is one of the expected replies.</summary>
    public bool Contains(int code)
    {
        foreach (var c in Codes)
        {
            if (c == code)
            {
                return true;
            }
        }

        return false;
    }
}
