using System.Text.RegularExpressions;

namespace GameOps.E2E.Infrastructure;

/// <summary>
/// Interactive pages are prerendered: until the circuit has connected and applied its first render batch, the
/// page looks ready but ignores clicks and typing. An init script counts the circuit's render batches (the
/// websocket messages naming JS.RenderBatch), so tests can wait for real interactivity instead of sleeping.
/// </summary>
public static class Blazor
{
    /// <summary>Added to every browser context: tracks the Blazor websocket and the render batches it receives.</summary>
    public const string InitScript = """
        (() => {
          if (window.__e2e) return;
          const state = window.__e2e = { sockets: 0, open: 0, closed: 0, batches: 0, lastBatchAt: 0 };
          const marker = Array.from('JS.RenderBatch', c => c.charCodeAt(0));
          const contains = bytes => {
            outer: for (let i = 0; i + marker.length <= bytes.length; i++) {
              for (let j = 0; j < marker.length; j++) if (bytes[i + j] !== marker[j]) continue outer;
              return true;
            }
            return false;
          };
          const count = data => {
            const batch = () => { state.batches++; state.lastBatchAt = performance.now(); };
            if (typeof data === 'string') { if (data.includes('JS.RenderBatch')) batch(); }
            else if (data instanceof ArrayBuffer) { if (contains(new Uint8Array(data))) batch(); }
            else if (data && typeof data.arrayBuffer === 'function') data.arrayBuffer().then(b => { if (contains(new Uint8Array(b))) batch(); });
          };
          const Native = window.WebSocket;
          class TrackedWebSocket extends Native {
            constructor(...args) {
              super(...args);
              state.sockets++;
              this.addEventListener('open', () => state.open++);
              this.addEventListener('close', () => state.closed++);
              this.addEventListener('message', e => count(e.data));
            }
          }
          window.WebSocket = TrackedWebSocket;
        })();
        """;

    /// <summary>
    /// Waits until the page's circuit is connected and has rendered at least once (the page is interactive).
    /// Call after every full page load (GotoAsync, a form post, a forced reload).
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page, float timeoutMs = 30_000)
    {
        // open > closed: the circuit's socket is up now (on a loaded machine it may drop and reconnect; input sent meanwhile is lost).
        if (!await page.PollAsync("() => !!window.Blazor && !!window.__e2e && window.__e2e.open > window.__e2e.closed && window.__e2e.batches > 0", timeoutMs))
        {
            var state = await page.EvaluateAsync<string>("() => JSON.stringify({ blazor: !!window.Blazor, e2e: window.__e2e ?? null, url: location.href })");
            throw new TimeoutException($"The Blazor circuit did not become interactive within {timeoutMs} ms: {state}");
        }
        // A page often renders in several batches (a progress bar, then the data it loaded), and a batch may
        // replace the inputs a test is typing into: wait until the renders pause. A page that keeps rendering
        // (a live counter) is not an error: after a while the test goes on regardless.
        await page.WaitForRenderQuietAsync();
    }

    /// <summary>Waits until no render batch has arrived for <paramref name="quietMs"/> (at most <paramref name="maxMs"/>).</summary>
    public static Task WaitForRenderQuietAsync(this IPage page, int quietMs = 400, int maxMs = 10_000) =>
        page.PollAsync($"() => !!window.__e2e && performance.now() - window.__e2e.lastBatchAt > {quietMs}", maxMs);

    /// <summary>
    /// Clicks something that loads a new document (a form post, a forced reload) and waits until the new document
    /// has replaced this one: the old one is marked first, so a response that is slow to arrive is never mistaken for it.
    /// </summary>
    public static async Task ClickAndWaitForNewDocumentAsync(this IPage page, ILocator target, float timeoutMs = 30_000)
    {
        await page.EvaluateAsync("() => { window.__e2eOldDocument = true; }");
        await target.ClickAsync();
        if (!await page.PollAsync("() => document.readyState !== 'loading' && !window.__e2eOldDocument", timeoutMs))
            throw new TimeoutException($"No new document within {timeoutMs} ms after clicking {target} (still at {page.Url}).");
    }

    /// <summary>
    /// Evaluates a predicate in the page every 50 ms until it holds (true) or the time is up (false). Polled from
    /// here rather than with WaitForFunctionAsync, whose in-page poller does not always survive a navigation; an
    /// evaluate that races a navigation simply fails and is tried again in the next document.
    /// </summary>
    public static async Task<bool> PollAsync(this IPage page, string predicate, float timeoutMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<bool>(predicate)) return true;
            }
            catch (PlaywrightException) { } // the execution context was destroyed by a navigation
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(50);
        }
    }

    /// <summary>How long a test waits for the effect of an action that needs a server round trip (the machine may be loaded).</summary>
    public const float RoundTripMs = 30_000;

    /// <summary>
    /// Waits until <paramref name="target"/> can take a click or typing that will not be lost: the circuit is interactive
    /// (a prerendered page ignores input), no render batch is under way (a batch may replace the element being acted on),
    /// and the element is visible and enabled. Act once afterwards and assert the effect with an Expect.
    /// </summary>
    public static async Task WaitUntilActionableAsync(this IPage page, ILocator target)
    {
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(target).ToBeVisibleAsync(new() { Timeout = RoundTripMs });
        await Assertions.Expect(target).ToBeEnabledAsync(new() { Timeout = RoundTripMs });
    }

    /// <summary>
    /// Waits until the address bar matches <paramref name="pattern"/>. Blazor navigates inside the document
    /// (history.pushState), and Playwright's WaitForURLAsync can miss such a change when it happens just before the
    /// wait starts; reading location.href directly cannot.
    /// </summary>
    public static Task WaitForLocationAsync(this IPage page, Regex pattern, int timeoutMs = 30_000) =>
        Assertions.Expect(page).ToHaveURLAsync(pattern, new() { Timeout = timeoutMs });

    /// <summary>Checks <paramref name="condition"/> every 100 ms until it holds (true) or the time is up (false).</summary>
    public static async Task<bool> WaitUntilAsync(this IPage page, Func<Task<bool>> condition, int timeoutMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            try
            {
                if (await condition()) return true;
            }
            catch (PlaywrightException) { } // a navigation or a re-render raced the check
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
    }
}
