CKSearch.words("ng",{"ngay":["ngayF","0"],
"nghi":["nghiJ","2"]});
