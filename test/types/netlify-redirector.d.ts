// Types of `netlify-redirector` (Netlify's redirect engine compiled to
// WebAssembly; no types of its own), as far as the tests use it.
declare module 'netlify-redirector' {
  interface Request {
    scheme: string
    host: string
    path: string
    query: string
    getHeader(name: string): string
    getCookie(name: string): string
  }
  interface Match {
    from: string
    to: string
    status: number
    force: boolean
  }
  interface Matcher {
    match(request: Request): Match | null
  }
  const redirector: {
    parsePlain(rules: string, options: Record<string, unknown>): Promise<Matcher>
    parseJSON(rules: string, options: Record<string, unknown>): Promise<Matcher>
  }
  export default redirector
}
