using System.Collections.Generic;
using System.Text;

namespace FtpReplyAnalyzers.Catalog;

/// <summary>An immutable set of reply code values 100-699, stored as a bit set.</summary>
public readonly struct ReplyCodeSet
{
    private const int Words = (ReplyCatalog.MaxCode - ReplyCatalog.MinCode + 64) / 64;
    private readonly ulong[]? _bits;

    private ReplyCodeSet(ulong[] bits) => _bits = bits;

    /// <summary>The empty set.</summary>
    public static ReplyCodeSet Empty => default;

    /// <summary>All values 100-699.</summary>
    public static ReplyCodeSet All { get; } = Range(ReplyCatalog.MinCode, ReplyCatalog.MaxCode);

    /// <summary>True when the set holds nothing.</summary>
    public bool IsEmpty
    {
        get
        {
            if (_bits is null)
            {
                return true;
            }

            foreach (var word in _bits)
            {
                if (word != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The values <paramref name="low"/> to <paramref name="high"/> inclusive, clipped to 100-699.</summary>
    public static ReplyCodeSet Range(long low, long high)
    {
        if (low < ReplyCatalog.MinCode)
        {
            low = ReplyCatalog.MinCode;
        }

        if (high > ReplyCatalog.MaxCode)
        {
            high = ReplyCatalog.MaxCode;
        }

        if (low > high)
        {
            return Empty;
        }

        var bits = new ulong[Words];
        for (var code = (int)low; code <= high; code++)
        {
            var i = code - ReplyCatalog.MinCode;
            bits[i >> 6] |= 1UL << (i & 63);
        }

        return new ReplyCodeSet(bits);
    }

    /// <summary>One value, or the empty set when it is not 100-699.</summary>
    public static ReplyCodeSet Single(long code) => Range(code, code);

    /// <summary>Every value of one category (first digit).</summary>
    public static ReplyCodeSet OfCategory(int digit) => Range(digit * 100L, digit * 100L + 99);

    /// <summary>True when the set holds <paramref name="code"/>.</summary>
    public bool Contains(int code)
    {
        if (_bits is null || code < ReplyCatalog.MinCode || code > ReplyCatalog.MaxCode)
        {
            return false;
        }

        var i = code - ReplyCatalog.MinCode;
        return (_bits[i >> 6] & (1UL << (i & 63))) != 0;
    }

    public ReplyCodeSet Union(ReplyCodeSet other) => Combine(this, other, (a, b) => a | b);

    public ReplyCodeSet Intersect(ReplyCodeSet other) => Combine(this, other, (a, b) => a & b);

    public ReplyCodeSet Except(ReplyCodeSet other) => Combine(this, other, (a, b) => a & ~b);

    /// <summary>The values 100-699 that are not in this set.</summary>
    public ReplyCodeSet Complement() => All.Except(this);

    /// <summary>True when the set holds a value of the category <paramref name="digit"/>.</summary>
    public bool Overlaps(ReplyCodeSet other) => !Intersect(other).IsEmpty;

    /// <summary>True when every value of <paramref name="other"/> is in this set.</summary>
    public bool IsSupersetOf(ReplyCodeSet other) => other.Except(this).IsEmpty;

    /// <summary>The catalog entries whose code is in the set, ascending.</summary>
    public List<ReplyCodeInfo> DefinedCodes()
    {
        var list = new List<ReplyCodeInfo>();
        if (_bits is null)
        {
            return list;
        }

        foreach (var info in ReplyCatalog.Codes)
        {
            if (Contains(info.Code))
            {
                list.Add(info);
            }
        }

        return list;
    }

    /// <summary>The number of catalog codes in the set.</summary>
    public int DefinedCount()
    {
        var n = 0;
        foreach (var info in ReplyCatalog.Codes)
        {
            if (Contains(info.Code))
            {
                n++;
            }
        }

        return n;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var info in DefinedCodes())
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(info.Text);
        }

        return text.ToString();
    }

    private static ReplyCodeSet Combine(ReplyCodeSet left, ReplyCodeSet right, System.Func<ulong, ulong, ulong> op)
    {
        var bits = new ulong[Words];
        for (var w = 0; w < Words; w++)
        {
            bits[w] = op(left._bits is null ? 0 : left._bits[w], right._bits is null ? 0 : right._bits[w]);
        }

        return new ReplyCodeSet(bits);
    }
}
