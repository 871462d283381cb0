/* JSON from the app's own server. A busy server may drop a request: try again, waiting longer each
   time (0.25, 0.5, 1, 2, 4 s), rather than leave the map or the list empty. */
export function fetchJson(url, attempt = 0) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }).catch((error) => {
    if (attempt >= 5) throw error;
    return new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt)).then(() => fetchJson(url, attempt + 1));
  });
}
