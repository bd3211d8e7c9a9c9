using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace FtpReplyAnalyzers.Catalog;

/// <summary>An immutable set of reply code values 100-699: ten 64-bit words held in the struct, so set algebra allocates nothing.</summary>
public readonly struct ReplyCodeSet : System.IEquatable<ReplyCodeSet>
{
    private const int Base = ReplyCatalog.MinCode;

    private readonly ulong _w0, _w1, _w2, _w3, _w4, _w5, _w6, _w7, _w8, _w9;

    private ReplyCodeSet(ulong w0, ulong w1, ulong w2, ulong w3, ulong w4, ulong w5, ulong w6, ulong w7, ulong w8, ulong w9)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
        _w4 = w4;
        _w5 = w5;
        _w6 = w6;
        _w7 = w7;
        _w8 = w8;
        _w9 = w9;
    }

    /// <summary>The empty set.</summary>
    public static ReplyCodeSet Empty => default;

    /// <summary>All values 100-699.</summary>
    public static ReplyCodeSet All { get; } = Range(ReplyCatalog.MinCode, ReplyCatalog.MaxCode);

    /// <summary>True when the set holds nothing.</summary>
    public bool IsEmpty => (_w0 | _w1 | _w2 | _w3 | _w4 | _w5 | _w6 | _w7 | _w8 | _w9) == 0;

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

        int a = (int)low - Base, b = (int)high - Base;
        return new ReplyCodeSet(Mask(0, a, b), Mask(1, a, b), Mask(2, a, b), Mask(3, a, b), Mask(4, a, b), Mask(5, a, b), Mask(6, a, b), Mask(7, a, b), Mask(8, a, b), Mask(9, a, b));
    }

    /// <summary>One value, or the empty set when it is not 100-699.</summary>
    public static ReplyCodeSet Single(long code) => Range(code, code);

    /// <summary>The values of <paramref name="codes"/> (those in 100-699).</summary>
    public static ReplyCodeSet Of(IEnumerable<int> codes)
    {
        var set = Empty;
        foreach (var code in codes)
        {
            set = set.Union(Single(code));
        }

        return set;
    }

    /// <summary>Every value of one category (first digit).</summary>
    public static ReplyCodeSet OfCategory(int digit) => Range(digit * 100L, digit * 100L + 99);

    /// <summary>True when the set holds <paramref name="code"/>.</summary>
    public bool Contains(int code)
    {
        if (code < ReplyCatalog.MinCode || code > ReplyCatalog.MaxCode)
        {
            return false;
        }

        var i = code - Base;
        return (Word(i >> 6) & (1UL << (i & 63))) != 0;
    }

    public ReplyCodeSet Union(ReplyCodeSet o)
        => new(_w0 | o._w0, _w1 | o._w1, _w2 | o._w2, _w3 | o._w3, _w4 | o._w4, _w5 | o._w5, _w6 | o._w6, _w7 | o._w7, _w8 | o._w8, _w9 | o._w9);

    public ReplyCodeSet Intersect(ReplyCodeSet o)
        => new(_w0 & o._w0, _w1 & o._w1, _w2 & o._w2, _w3 & o._w3, _w4 & o._w4, _w5 & o._w5, _w6 & o._w6, _w7 & o._w7, _w8 & o._w8, _w9 & o._w9);

    public ReplyCodeSet Except(ReplyCodeSet o)
        => new(_w0 & ~o._w0, _w1 & ~o._w1, _w2 & ~o._w2, _w3 & ~o._w3, _w4 & ~o._w4, _w5 & ~o._w5, _w6 & ~o._w6, _w7 & ~o._w7, _w8 & ~o._w8, _w9 & ~o._w9);

    /// <summary>The values 100-699 that are not in this set.</summary>
    public ReplyCodeSet Complement() => All.Except(this);

    /// <summary>True when the two sets share a value.</summary>
    public bool Overlaps(ReplyCodeSet other) => !Intersect(other).IsEmpty;

    /// <summary>True when every value of <paramref name="other"/> is in this set.</summary>
    public bool IsSupersetOf(ReplyCodeSet other) => other.Except(this).IsEmpty;

    private ulong Word(int index) => index switch
    {
        0 => _w0,
        1 => _w1,
        2 => _w2,
        3 => _w3,
        4 => _w4,
        5 => _w5,
        6 => _w6,
        7 => _w7,
        8 => _w8,
        _ => _w9,
    };

    /// <summary>The bits of word <paramref name="word"/> that fall in [a, b] (offsets from 100).</summary>
    private static ulong Mask(int word, int a, int b)
    {
        int start = word * 64, end = start + 63;
        if (b < start || a > end)
        {
            return 0;
        }

        var from = a < start ? 0 : a - start;
        var to = b > end ? 63 : b - start;
        var upper = to == 63 ? ulong.MaxValue : (1UL << (to + 1)) - 1;
        var lower = (1UL << from) - 1;
        return upper & ~lower;
    }

    /// <summary>The catalog entries whose code is in the set, ascending.</summary>
    public List<ReplyCodeInfo> DefinedCodes()
    {
        var defined = Intersect(CatalogCodes.Set);
        var list = new List<ReplyCodeInfo>(defined.Count());
        for (var word = 0; word < Words; word++)
        {
            for (var bits = defined.Word(word); bits != 0; bits &= bits - 1)
            {
                list.Add(ReplyCatalog.Find(Base + (word * 64) + TrailingZeros(bits))!);
            }
        }

        return list;
    }

    /// <summary>The number of catalog codes in the set.</summary>
    public int DefinedCount() => Intersect(CatalogCodes.Set).Count();

    /// <summary>The number of values in the set.</summary>
    public int Count()
        => PopCount(_w0) + PopCount(_w1) + PopCount(_w2) + PopCount(_w3) + PopCount(_w4) + PopCount(_w5) + PopCount(_w6) + PopCount(_w7) + PopCount(_w8) + PopCount(_w9);

    private const int Words = 10;

    private static int PopCount(ulong value)
    {
        value -= (value >> 1) & 0x5555555555555555UL;
        value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
        value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
        return (int)((value * 0x0101010101010101UL) >> 56);
    }

    private static int TrailingZeros(ulong value) => PopCount((value & (~value + 1)) - 1);

    /// <summary>The codes the catalog defines, as a set (a class of its own: built after the catalog, on first use).</summary>
    private static class CatalogCodes
    {
        public static readonly ReplyCodeSet Set = Of(ReplyCatalog.Codes.Select(info => info.Code));
    }

    public bool Equals(ReplyCodeSet other)
        => _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3 && _w4 == other._w4
           && _w5 == other._w5 && _w6 == other._w6 && _w7 == other._w7 && _w8 == other._w8 && _w9 == other._w9;

    public override bool Equals(object? obj) => obj is ReplyCodeSet other && Equals(other);

    public override int GetHashCode()
    {
        var folded = _w0 ^ (_w1 * 3) ^ (_w2 * 5) ^ (_w3 * 7) ^ (_w4 * 11) ^ (_w5 * 13) ^ (_w6 * 17) ^ (_w7 * 19) ^ (_w8 * 23) ^ (_w9 * 29);
        return (int)folded ^ (int)(folded >> 32);
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
}
