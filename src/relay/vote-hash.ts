/**
 * Keyed hashes under the relay-only vote key (HMAC-SHA256, Web Crypto so the relay runs on any
 * web-standard host). Without the key, nobody reading VoteKeys can test a guess of who voted.
 */
export function voteHasher(voteKey: string): {
  /** VoteKeys' Key for (person, poll): unique, so a second vote fails atomically. */
  voter(oid: string, pollId: string): Promise<string>;
  /** Names the submission that took a vote key, so a retry of that same submission may continue. */
  submission(pollId: string, submissionId: string): Promise<string>;
} {
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(voteKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const hmac = async (text: string): Promise<string> => {
    const mac = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(text));
    let binary = '';
    for (const byte of new Uint8Array(mac)) binary += String.fromCharCode(byte);
    return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  };
  return {
    voter: (oid, pollId) => hmac(`${oid}:${pollId}`),
    submission: (pollId, submissionId) => hmac(`submission:${pollId}:${submissionId}`),
  };
}
