// What the auth layer needs from any credential: a token now, and a new one after the API
// refused one.
export interface TokenProvider {
  getToken(signal?: AbortSignal): Promise<string>;
  /**
   * The API answered 401 to `rejected`. Returns the token to retry with: a fresh one, shared by
   * every caller that saw the same rejection, or `rejected` itself when nothing better exists.
   */
  refresh(rejected: string, signal?: AbortSignal): Promise<string>;
}
