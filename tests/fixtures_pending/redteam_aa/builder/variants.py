"""Black-box variants of the README (not fixtures): writes them to /tmp/aa_variants. Same venv as all.py."""
import sys, shutil
from pathlib import Path
B = Path(__file__).resolve().parent
sys.path[0:0] = [str(B), str(B.parents[2] / 'fixtures' / 'builder_shared')]
import core
out = Path('/tmp/aa_variants'); shutil.rmtree(out, ignore_errors=True); out.mkdir()
core.OUT = out
import fxaa
orig = fxaa.make
VAR = {
 'aa10': ('v_wm_all_pages_seal_vector', {'seal': '龙岩市人民政府', 'seal_vector': True, 'watermark': ('仅供参考', 2), 'wm_all': True}),
 'aa04': ('v_shade_header_only', {'border': 'shade', 'shade_alt': False}),
 'aa05': ('v_no_rules_numright', {'border': 'none', 'numright': True}),
 'aa11': ('v_twocol_perchar', {'twocol': True, 'perchar': True}),
 'aa06': ('v_perchar_no_rules', {'perchar': True, 'border': 'none'}),
 'aa09': ('v_watermark_under_content', {'watermark': ('仅供参考', 2), 'wm_under': True}),
 'aa14': ('v_watermark_under_content', {'watermark': ('内部资料 注意保存', 3), 'wm_under': True}),
 'aa13': ('v_scan_row_order', {'scan': (110, [("公开", "公幵")])}),
 'aa03': ('v_double_rules_only', {'border': 'double'}),
 'aa02': ('v_dashed_numright_running', {'border': 'dashed', 'numright': True, 'running': '安亭镇人民政府'}),
}
for k, (vn, opt) in VAR.items():
    def mk(name, *a, _vn=vn, _opt=opt, **kw):
        a = list(a); a[14] = _opt  # opt position after name: tpl,year,t2,t3,t4,ag,region,level,flavor,we,url,phone,sign_date,pub,opt
        return orig(name + '__' + _vn, *a, **kw)
    fxaa.make = mk
    getattr(fxaa, k)()
fxaa.make = orig
