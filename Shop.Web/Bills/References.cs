using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace Shop.Web.Bills;

public static class References
{
    /// <summary>128 random bits, URL-safe Base64 (22 characters): knowing it is what entitles one to see the bill.</summary>
    public static string NewBillReference() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    /// <summary>96 random bits as 24 upper-case hex characters: alphanumeric, as some providers require of an order id.</summary>
    public static string NewAttemptReference() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
}
