namespace IntegrationHub.Contracts.Text;

/// <summary>Whether PostgreSQL's numeric (which jsonb keeps numbers in) can hold a JSON number: at most 131,072 digits
/// before the decimal point and 16,383 after it, counted after the exponent is applied (measured on PostgreSQL 15:
/// <c>1e131071</c> and <c>1e-16383</c> are stored, <c>1e131072</c>, <c>1.5e-16383</c> and <c>1e200000</c> overflow).</summary>
public static class StorableNumber
{
    public const int MaxIntegerDigits = 131_072;
    public const int MaxScale = 16_383;

    /// <param name="token">A number token as JSON writes it (already valid JSON syntax), UTF-8.</param>
    public static bool IsStorable(ReadOnlySpan<byte> token)
    {
        if (token.Length < 24 && token.IndexOfAny("eE"u8) < 0)
        {
            return true; // Every short plain number fits: the common case costs one scan.
        }

        var mantissa = token;
        long exponent = 0;
        var e = token.IndexOfAny("eE"u8);
        if (e >= 0)
        {
            mantissa = token[..e];
            var digits = token[(e + 1)..];
            var negative = digits.Length > 0 && digits[0] == (byte)'-';
            digits = digits.TrimStart("+-"u8).TrimStart((byte)'0');
            if (digits.Length > 9)
            {
                return false; // |exponent| of a billion or more: no numeric holds it.
            }

            foreach (var digit in digits)
            {
                exponent = (exponent * 10) + (digit - '0');
            }

            exponent = negative ? -exponent : exponent;
        }

        mantissa = mantissa.TrimStart((byte)'-');
        var point = mantissa.IndexOf((byte)'.');
        var integerPart = point >= 0 ? mantissa[..point] : mantissa;
        var fraction = point >= 0 ? mantissa[(point + 1)..] : [];
        var scale = Math.Max(0, fraction.Length - exponent);
        if (scale > MaxScale)
        {
            return false;
        }

        // Digits before the point once the exponent has moved it, leading zeros not counted.
        var leadingZeros = integerPart.Length - integerPart.TrimStart((byte)'0').Length;
        if (leadingZeros == integerPart.Length)
        {
            leadingZeros += fraction.Length - fraction.TrimStart((byte)'0').Length;
        }

        return integerPart.Length + exponent - leadingZeros <= MaxIntegerDigits;
    }
}
