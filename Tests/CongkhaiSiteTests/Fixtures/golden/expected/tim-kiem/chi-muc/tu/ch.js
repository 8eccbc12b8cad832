CKSearch.words("ch",{"chinh":["chinhS","05"],
"cho":["cho","2"],
"chu":["chưX","3"],
"chuc":["chưcS","0"],
"chuyen":["chuyên","3","chuyênR","1"]});
