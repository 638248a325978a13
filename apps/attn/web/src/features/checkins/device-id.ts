// The id of this browser, which the API uses to notice one device checking in several students
// (a lecture hall shares one NAT address, so the IP says nothing). 32 random hex characters kept
// in localStorage. crypto.getRandomValues, not crypto.randomUUID: the latter exists only on
// secure origins, and a campus may serve ATTN over plain http.

const KEY = 'attn.device';
const SHAPE = /^[0-9a-f]{32}$/;
let memory: string | undefined;

function fresh(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function deviceId(): string {
  if (memory) return memory;
  let id: string | null = null;
  try {
    id = localStorage.getItem(KEY);
  } catch {
    // Storage blocked (a private window): the id lives as long as the page.
  }
  if (!id || !SHAPE.test(id)) {
    id = fresh();
    try {
      localStorage.setItem(KEY, id);
    } catch {
      // As above.
    }
  }
  memory = id;
  return id;
}
