using System.Globalization;

namespace PropertyCrm.Domain.Loyalty;

/// <summary>
/// Renders CNY amounts in reason texts the same way whatever culture the server runs under ("¥5,200.00"):
/// reasons are stored on records and read by staff, so they must not change with a thread's locale.
/// </summary>
internal static class Cny
{
    public static string Format(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);
}
