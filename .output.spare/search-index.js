window.REPORT_SEARCH_INDEX = [
{"t":"Internet Consumer Finance in China","u":"index.html","r":"index","h":[],"x":"The full microsite is being written."}
];
