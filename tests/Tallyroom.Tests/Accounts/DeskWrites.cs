using System.Net.Http.Json;
using Tallyroom.Tests.Web;

namespace Tallyroom.Tests.Accounts;

/// <summary>A desk declaration of Bowdon (Conservative gain over Labour), as a script in a signed-in page would send it.</summary>
internal static class DeskWrites
{
    public static HttpRequestMessage Declaration(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ballots/{TallyroomFactory.Bowdon}/declaration")
        {
            Content = JsonContent.Create(new
            {
                results = new[]
                {
                    new { candidateId = "1", votes = 1200, elected = true },
                    new { candidateId = "2", votes = 800, elected = false },
                    new { candidateId = "3", votes = 100, elected = false },
                },
                ballotPapers = 2110,
                rejected = 10,
                electorate = 7000,
            }),
        };
        if (token is not null)
        {
            request.Headers.Add("RequestVerificationToken", token);
        }

        return request;
    }
}
