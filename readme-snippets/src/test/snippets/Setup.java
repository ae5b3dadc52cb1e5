// The wrapper of fragments marked <!-- fragment: Setup -->: set-up code given only the credentials
// (a Brek partner key, a Helvia API token). The fragment's own imports replace //IMPORTS.
//IMPORTS

class Setup {
    void snippet(String key, String jwt) throws Exception {
//SNIPPET
    }
}
